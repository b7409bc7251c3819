package io.fieldbench.imagerelay.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.fieldbench.server.support.ServerControl;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The relay's listening socket with its event loops, its connections, its clients and its intake:
 * made by {@link #bind}, ended by {@link #close}, after which the port is free.
 */
final class RelaySocket implements ServerControl.Socket {

    static final long SHUTDOWN_QUIET_MILLIS = 0;
    static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;
    static final int ACCEPT_BACKLOG = 256;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel channel;
    private final ChannelGroup connections;
    private final RelayClients clients;
    private final ImageIntake intake;

    private RelaySocket(EventLoopGroup acceptor, EventLoopGroup workers, Channel channel, ChannelGroup connections,
            RelayClients clients, ImageIntake intake) {
        this.acceptor = acceptor;
        this.workers = workers;
        this.channel = channel;
        this.connections = connections;
        this.clients = clients;
        this.intake = intake;
    }

    /**
     * Binds the socket; blocks until it is bound, so call it off any event loop and off the EDT.
     *
     * @throws Exception as the socket threw it, such as {@link java.net.BindException}; nothing is left open
     */
    static RelaySocket bind(InetSocketAddress endpoint, RelaySettings settings, RelayParts parts) throws Exception {
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("fieldbench-imagerelay-accept", true));
        EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("fieldbench-imagerelay-io", true));
        ChannelGroup connections = new DefaultChannelGroup("fieldbench-imagerelay", GlobalEventExecutor.INSTANCE);
        RelayClients clients = new RelayClients(settings.maxClients(), parts.clock());
        ImageIntake intake = new ImageIntake(parts.settings(), parts.store(), clients, parts.traffic(), parts.clock());
        int limit = settings.outboundLimitBytes();
        try {
            Channel channel = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(limit / 2, limit))
                    .childHandler(new RelayInitializer(parts, clients, intake, connections))
                    .bind(endpoint).sync().channel();
            return new RelaySocket(acceptor, workers, channel, connections, clients, intake);
        } catch (Exception e) {
            intake.close();
            shutdown(acceptor, workers);
            throw e;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    RelayClients clients() {
        return clients;
    }

    /** Closes the socket (the port is free when this returns), every connection, the intake and the event loops. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        for (Connection client : clients.all()) {
            client.closing(DisconnectReason.SERVER_STOPPING, "");
            client.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE,
                    DisconnectReason.SERVER_STOPPING.text()));
        }
        connections.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        try {
            intake.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdown(acceptor, workers);
    }

    private static void shutdown(EventLoopGroup acceptor, EventLoopGroup workers) {
        acceptor.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        acceptor.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        workers.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
    }
}
