package io.fieldbench.chat.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.fieldbench.server.support.ServerControl;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * One listening socket with its event loops and its clients: made by {@link #bind}, ended by
 * {@link #close}, after which the port is free at once.
 */
final class ChatListener implements ServerControl.Socket {

    static final long SHUTDOWN_QUIET_MILLIS = 0;
    static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;
    /** Connections the kernel holds for accepting: a burst of hundreds connecting at once must not be refused. */
    static final int ACCEPT_BACKLOG = 4_096;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel channel;
    private final ClientRegistry clients;

    private ChatListener(EventLoopGroup acceptor, EventLoopGroup workers, Channel channel, ClientRegistry clients) {
        this.acceptor = acceptor;
        this.workers = workers;
        this.channel = channel;
        this.clients = clients;
    }

    /**
     * Binds the socket; blocks until it is bound, so call it off any event loop and off the EDT.
     *
     * @throws Exception as the socket threw it, such as {@link java.net.BindException}; nothing is left open
     */
    static ChatListener bind(InetSocketAddress endpoint, ChatSettings settings, ClientRegistry clients, ChatTraffic traffic)
            throws Exception {
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("fieldbench-chat-accept", true));
        EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("fieldbench-chat-io", true));
        int limit = settings.outboundLimitBytes();
        try {
            Channel channel = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(limit / 2, limit))
                    .childHandler(new ChatInitializer(settings, clients, traffic))
                    .bind(endpoint).sync().channel();
            return new ChatListener(acceptor, workers, channel, clients);
        } catch (Exception e) {
            shutdown(acceptor, workers);
            throw e;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    ClientRegistry clients() {
        return clients;
    }

    /** Closes the socket (the port is free when this returns), disconnects every client, ends the event loops. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        for (ChatClient client : clients.all()) {
            client.closing(DisconnectReason.SERVER_STOPPING, "");
        }
        clients.channels().close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        shutdown(acceptor, workers);
    }

    private static void shutdown(EventLoopGroup acceptor, EventLoopGroup workers) {
        acceptor.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        acceptor.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        workers.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
    }
}
