package io.fieldbench.files.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.fieldbench.server.support.ServerControl;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * One listening socket with its event loops: made by {@link #bind}, ended by {@link #close},
 * after which the port is free and every connection closed. Transfers are zero-copy
 * ({@code sendfile}), so two I/O threads serve many clients at once.
 */
final class FileServerSocket implements ServerControl.Socket {

    static final long SHUTDOWN_QUIET_MILLIS = 0;
    static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;
    static final int IO_THREADS = 2;
    /** Connections waiting to be accepted: room for a burst of many clients at once. */
    static final int BACKLOG = 512;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private FileServerSocket(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    /**
     * Binds; blocks until bound, so call it off any event loop and off the EDT.
     *
     * @throws Exception as the socket threw it, such as {@link java.net.BindException}; nothing is left open
     */
    static FileServerSocket bind(InetSocketAddress endpoint, ChannelInitializer<SocketChannel> pipeline) throws Exception {
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("fieldbench-files-accept", true));
        EventLoopGroup workers = new NioEventLoopGroup(IO_THREADS, new DefaultThreadFactory("fieldbench-files-io", true));
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .option(ChannelOption.SO_BACKLOG, BACKLOG)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(pipeline)
                    .bind(endpoint).sync().channel();
            return new FileServerSocket(boss, workers, channel);
        } catch (Exception e) {
            shutdown(boss);
            shutdown(workers);
            throw e;
        }
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
        shutdown(boss);
        shutdown(workers);
    }

    private static void shutdown(EventLoopGroup group) {
        group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }
}
