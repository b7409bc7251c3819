package io.fieldbench.server.support.tcp;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The event loops of one TCP server's listening socket on its transport: an acceptor thread and
 * I/O threads named {@code fieldbench-NAME-accept} and {@code fieldbench-NAME-io} (daemons, so that
 * they never hold the JVM), the bootstrap every server binds with, and the graceful shutdown after
 * which no thread of them is left.
 */
public final class TcpEventLoops {

    static final long SHUTDOWN_QUIET_MILLIS = 0;
    /** How long a stop waits for the loops to end, and a server for its connections to close. */
    public static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final TcpTransport transport;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;

    private TcpEventLoops(TcpTransport transport, EventLoopGroup acceptor, EventLoopGroup workers) {
        this.transport = transport;
        this.acceptor = acceptor;
        this.workers = workers;
    }

    /** Starts the loops of the server called {@code name}; {@code ioThreads} 0: Netty's default, twice the cores. */
    public static TcpEventLoops start(String name, int ioThreads, TcpTransport transport) {
        return new TcpEventLoops(transport,
                transport.newEventLoops(1, new DefaultThreadFactory("fieldbench-" + name + "-accept", true)),
                transport.newEventLoops(ioThreads, new DefaultThreadFactory("fieldbench-" + name + "-io", true)));
    }

    /**
     * A bootstrap on these loops: {@code backlog} connections wait to be accepted, the port can be
     * bound again at once after a stop, and small writes go out without delay.
     */
    public ServerBootstrap bootstrap(int backlog) {
        return transport.configure(new ServerBootstrap().group(acceptor, workers))
                .option(ChannelOption.SO_BACKLOG, backlog)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true);
    }

    /**
     * As {@link #bootstrap(int)}, and a connection stops being writable when half the outbound
     * limit waits for it, so that a handler can see a client that does not read (see {@link OutboundLimit}).
     */
    public ServerBootstrap bootstrap(int backlog, int outboundLimit) {
        return bootstrap(backlog)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(outboundLimit / 2, outboundLimit));
    }

    /**
     * Binds; blocks until bound, so call it off any event loop and off the EDT.
     *
     * @throws Exception as the socket threw it, such as {@link java.net.BindException} (a native
     *                   transport's failure told as the JDK's); the loops are then shut down
     */
    public Channel bind(ServerBootstrap bootstrap, InetSocketAddress endpoint) throws Exception {
        try {
            return bootstrap.bind(endpoint).sync().channel();
        } catch (Exception e) {
            shutdown();
            throw transport.asJdkFailure(e);
        }
    }

    /** Ends both loops, waiting up to two seconds for each: their connections are closed when this returns. */
    public void shutdown() {
        acceptor.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        acceptor.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        workers.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
    }
}
