package io.fieldbench.files.internal;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import io.fieldbench.server.support.ServerControl;
import io.fieldbench.server.support.tcp.AcceptFailures;
import io.fieldbench.server.support.tcp.TcpEventLoops;
import io.fieldbench.server.support.tcp.TcpTransport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;

/**
 * One listening socket with its event loops: made by {@link #bind}, ended by {@link #close},
 * after which the port is free and every connection closed. Transfers are zero-copy
 * ({@code sendfile}, directly with epoll, through {@code FileChannel.transferTo} with NIO), so two
 * I/O threads serve many clients at once.
 */
final class FileServerSocket implements ServerControl.Socket {

    static final int IO_THREADS = 2;
    /** Connections waiting to be accepted: room for a burst of many clients at once. */
    static final int BACKLOG = 512;

    private final TcpEventLoops loops;
    private final Channel channel;

    private FileServerSocket(TcpEventLoops loops, Channel channel) {
        this.loops = loops;
        this.channel = channel;
    }

    /**
     * Binds; blocks until bound, so call it off any event loop and off the EDT. Connections it
     * cannot accept (too many open files) are told on {@code warnLog}.
     *
     * @throws Exception as the socket threw it, such as {@link java.net.BindException}; nothing is left open
     */
    static FileServerSocket bind(TcpTransport transport, InetSocketAddress endpoint, ChannelInitializer<SocketChannel> pipeline,
            Consumer<String> warnLog) throws Exception {
        TcpEventLoops loops = TcpEventLoops.start("files", IO_THREADS, transport);
        Channel channel = loops.bind(loops.bootstrap(BACKLOG)
                .handler(new AcceptFailures("File service", warnLog))
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(pipeline), endpoint);
        return new FileServerSocket(loops, channel);
    }

    /** Where it listens; with port 0 asked, the port the system chose. */
    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Closes the listening socket (the port is free when this returns), then every connection. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        loops.shutdown();
    }
}
