package io.fieldbench.imagerelay.relay;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.GlobalEventExecutor;

import io.fieldbench.server.support.ServerControl;
import io.fieldbench.server.support.tcp.AcceptFailures;
import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.fieldbench.server.support.tcp.TcpEventLoops;
import io.fieldbench.server.support.tcp.TcpTransport;

/**
 * The relay's listening socket with its event loops, its connections, its clients and its intake:
 * made by {@link #bind}, ended by {@link #close}, after which the port is free.
 */
final class RelaySocket implements ServerControl.Socket {

    static final int ACCEPT_BACKLOG = 256;

    private final TcpEventLoops loops;
    private final Channel channel;
    private final ChannelGroup connections;
    private final ClientRegistry<Connection> clients;
    private final ImageIntake intake;

    private RelaySocket(TcpEventLoops loops, Channel channel, ChannelGroup connections, ClientRegistry<Connection> clients,
            ImageIntake intake) {
        this.loops = loops;
        this.channel = channel;
        this.connections = connections;
        this.clients = clients;
        this.intake = intake;
    }

    /**
     * Binds the socket; blocks until it is bound, so call it off any event loop and off the EDT.
     * Connections it cannot accept (too many open files) are told on {@code warnLog}.
     *
     * @throws Exception as the socket threw it, such as {@link java.net.BindException}; nothing is left open
     */
    static RelaySocket bind(TcpTransport transport, InetSocketAddress endpoint, RelaySettings settings, RelayParts parts,
            Consumer<String> warnLog) throws Exception {
        ChannelGroup connections = new DefaultChannelGroup("fieldbench-imagerelay", GlobalEventExecutor.INSTANCE);
        ClientRegistry<Connection> clients = new ClientRegistry<>("imagerelay", settings.maxClients(), parts.clock());
        ImageIntake intake = new ImageIntake(parts.settings(), parts.store(), clients, parts.traffic(), parts.clock());
        TcpEventLoops loops = TcpEventLoops.start("imagerelay", 0, transport);
        try {
            Channel channel = loops.bind(loops.bootstrap(ACCEPT_BACKLOG, settings.outboundLimitBytes())
                    .handler(new AcceptFailures("Image relay", warnLog))
                    .childHandler(new RelayInitializer(parts, clients, intake, connections)), endpoint);
            return new RelaySocket(loops, channel, connections, clients, intake);
        } catch (Exception e) {
            intake.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    ClientRegistry<Connection> clients() {
        return clients;
    }

    /** Closes the socket (the port is free when this returns), every connection, the intake and the event loops. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        clients.stopping();
        for (Connection client : clients.all()) {
            client.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE,
                    DisconnectReason.SERVER_STOPPING.text()));
        }
        connections.close().awaitUninterruptibly(TcpEventLoops.SHUTDOWN_TIMEOUT_MILLIS);
        try {
            intake.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loops.shutdown();
    }
}
