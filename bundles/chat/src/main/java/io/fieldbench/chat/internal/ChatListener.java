package io.fieldbench.chat.internal;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import io.fieldbench.server.support.ServerControl;
import io.fieldbench.server.support.tcp.AcceptFailures;
import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.fieldbench.server.support.tcp.TcpEventLoops;
import io.fieldbench.server.support.tcp.TcpTransport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;

/**
 * One listening socket with its event loops and its clients: made by {@link #bind}, ended by
 * {@link #close}, after which the port is free at once.
 */
final class ChatListener implements ServerControl.Socket {

    /** Connections the kernel holds for accepting: a burst of hundreds connecting at once must not be refused. */
    static final int ACCEPT_BACKLOG = 4_096;

    private final TcpEventLoops loops;
    private final Channel channel;
    private final ClientRegistry<ChatClient> clients;

    private ChatListener(TcpEventLoops loops, Channel channel, ClientRegistry<ChatClient> clients) {
        this.loops = loops;
        this.channel = channel;
        this.clients = clients;
    }

    /**
     * Binds the socket; blocks until it is bound, so call it off any event loop and off the EDT.
     * Connections it cannot accept (too many open files) are told on {@code warnLog}.
     *
     * @throws Exception as the socket threw it, such as {@link java.net.BindException}; nothing is left open
     */
    static ChatListener bind(TcpTransport transport, InetSocketAddress endpoint, ChatSettings settings,
            ClientRegistry<ChatClient> clients, ChatTraffic traffic, Consumer<String> warnLog) throws Exception {
        TcpEventLoops loops = TcpEventLoops.start("chat", 0, transport);
        Channel channel = loops.bind(loops.bootstrap(ACCEPT_BACKLOG, settings.outboundLimitBytes())
                .handler(new AcceptFailures("Chat server", warnLog))
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChatInitializer(settings, clients, traffic)), endpoint);
        return new ChatListener(loops, channel, clients);
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    ClientRegistry<ChatClient> clients() {
        return clients;
    }

    /** Disconnects a client, its reason noted as kicked; whether it was connected. */
    boolean kick(int id) {
        ChatClient client = clients.get(id);
        if (client == null) {
            return false;
        }
        client.closing().note(DisconnectReason.KICKED, "");
        client.channel().close();
        return true;
    }

    /** Closes the socket (the port is free when this returns), disconnects every client, ends the event loops. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        clients.stopping();
        clients.channels().close().awaitUninterruptibly(TcpEventLoops.SHUTDOWN_TIMEOUT_MILLIS);
        loops.shutdown();
    }
}
