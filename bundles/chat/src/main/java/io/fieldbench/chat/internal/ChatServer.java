package io.fieldbench.chat.internal;

import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import io.fieldbench.api.chat.ChatEvents;
import io.fieldbench.api.chat.ChatMessage;
import io.fieldbench.api.chat.ChatMessage.Direction;
import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.api.server.ClientIds;
import io.fieldbench.server.support.BindProblem;
import io.fieldbench.server.support.ServerControl;
import io.fieldbench.server.support.SettingsProblems;
import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.fieldbench.server.support.tcp.TcpTransport;
import io.netty.buffer.Unpooled;

/**
 * The TCP chat server: many clients at once, each with a short id; reads what they send, sends to
 * one, some or all, kicks, and says why each connection ended. Publishes every message and
 * connection change for the Chat view; the console and the view start, stop and operate it.
 * <p>
 * Binding and closing happen on the {@link ServerControl}'s thread, never on the caller's (the
 * console, the EDT, the configuration thread, an event loop): they only ask. Framing, encoding and
 * limits apply to the next connection; address and port changes rebind.
 */
@Component(service = ChatServer.class, configurationPid = ChatServer.PID, immediate = true)
@Designate(ocd = ChatConfig.class)
public final class ChatServer implements ChatTraffic {

    public static final String PID = "io.fieldbench.chat";
    /** How a failure to listen is told to the user. */
    static final BindProblem BIND_PROBLEM = new BindProblem("TCP", PID);
    /** How much of a message a log line shows. */
    static final int LOGGED_BYTES = 200;

    @Reference
    private EventAdmin eventAdmin;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final Clock clock = Clock.systemUTC();
    /** Chosen once: whether Netty's native library loads does not change while the bench runs. */
    private final TcpTransport transport = TcpTransport.best();
    private volatile ChatSettings settings;
    private final AtomicInteger broadcasts = new AtomicInteger();
    private volatile Broadcast lastBroadcast;
    private SettingsProblems problems;
    private ServerControl<ChatListener> control;

    @Activate
    void activate(ChatConfig config) {
        problems = new SettingsProblems(PID, log::warn);
        settings = ChatSettings.of(config);
        problems.say(settings.problems());
        control = new ServerControl<>("chat server", BIND_PROBLEM, () -> settings, new ChatSocket(), log::error);
        control.activate();
    }

    @Modified
    void modified(ChatConfig config) {
        ChatSettings old = settings;
        settings = ChatSettings.of(config);
        problems.say(settings.problems());
        control.reconfigure(old);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        control.deactivate(log::warn);
    }

    /** Starts listening with the settings in force, unless it listens already; completes once it listens or failed. */
    public CompletableFuture<ChatStatus> start() {
        return control.start().thenApply(started -> status());
    }

    /** Stops listening, disconnects every client and frees the port; completes once the port is free. */
    public CompletableFuture<ChatStatus> stop() {
        return control.stop().thenApply(stopped -> status());
    }

    public ChatStatus status() {
        ChatListener open = control.socket();
        return new ChatStatus(control.state(), control.endpoint(), control.problem(), transport.description(),
                open == null ? 0 : open.clients().size(), settings, broadcasts.get(), lastBroadcast);
    }

    public ChatSettings settings() {
        return settings;
    }

    /** The connected clients by id; empty when the server does not listen. */
    public List<ChatClient> clients() {
        ChatListener open = control.socket();
        return open == null ? List.of() : open.clients().all();
    }

    public Optional<ChatClient> client(int id) {
        ChatListener open = control.socket();
        return Optional.ofNullable(open == null ? null : open.clients().get(id));
    }

    /**
     * Sends one message to one client, framed as its framing says; does not wait for it to go.
     *
     * @return whether the client is connected
     * @throws IllegalArgumentException when the message does not fit the client's framing
     */
    public boolean send(int id, byte[] message) {
        Optional<ChatClient> client = client(id);
        if (client.isEmpty()) {
            return false;
        }
        byte[] framed = Frames.encode(client.get().settings(), message);
        client.get().keep(new ChatClient.Kept(clock.instant(), false, message));
        client.get().channel().writeAndFlush(Unpooled.wrappedBuffer(framed));
        publish(ChatEvents.SENT, new ChatMessage(clock.instant(), Direction.SENT, id, client.get().address(), message, ""));
        return true;
    }

    /**
     * Sends one message to every client, framed as each client's framing says; does not wait for it
     * to go. A client that does not read is disconnected by its limit, not waited for.
     *
     * @return the clients it goes to, and when it has reached all their sockets
     * @throws IllegalArgumentException when the message does not fit a client's framing; then it goes to none
     */
    public Broadcast broadcast(byte[] message) {
        long start = System.nanoTime();
        ChatListener open = control.socket();
        Broadcast sent = Broadcast.send(open == null ? List.of() : open.clients().unordered(), message,
                new ChatClient.Kept(clock.instant(), false, message), start);
        if (open != null) {
            lastBroadcast = sent;
            broadcasts.incrementAndGet(); // after: a status that counts this broadcast shows it or a later one
            publish(ChatEvents.SENT, new ChatMessage(clock.instant(), Direction.SENT, ClientIds.ALL, "all clients",
                    message, ""));
        }
        return sent;
    }

    /** Disconnects a client, logged as kicked; whether it was connected. */
    public boolean kick(int id) {
        ChatListener open = control.socket();
        return open != null && open.kick(id);
    }

    // --- what the client handlers report, on the event loops ---

    @Override
    public void connected(ChatClient client) {
        log.info("Chat client {} connected from {}", client.id(), client.address());
        publish(ChatEvents.CONNECTED, new ChatMessage(client.since(), Direction.CONNECTED, client.id(), client.address(),
                new byte[0], ""));
        byte[] greeting = settings.greetingBytes();
        if (greeting.length > 0) {
            send(client.id(), greeting);
        }
    }

    @Override
    public void received(ChatClient client, byte[] message) {
        deliver(client, message, "");
    }

    @Override
    public void unfinished(ChatClient client, byte[] message, String note) {
        log.warn("Chat client {} at {}: {} bytes {}; delivered as they came: {}", client.id(), client.address(),
                message.length, note, logged(message, settings.charset()));
        deliver(client, message, note);
    }

    private void deliver(ChatClient client, byte[] message, String note) {
        client.keep(new ChatClient.Kept(clock.instant(), true, message));
        if (settings.echo()) {
            // not published as sent: the echo would double every message in the view; bytes out still count
            client.channel().writeAndFlush(Unpooled.wrappedBuffer(Frames.encode(client.settings(), message)));
        }
        publish(ChatEvents.RECEIVED, new ChatMessage(clock.instant(), Direction.RECEIVED, client.id(), client.address(),
                message, note));
    }

    /** The start of a message as text for a log line, which must stay one readable line. */
    private static String logged(byte[] message, Charset charset) {
        return message.length <= LOGGED_BYTES ? ShownText.text(message, charset)
                : ShownText.text(Arrays.copyOf(message, LOGGED_BYTES), charset) + " …";
    }

    @Override
    public void disconnected(ChatClient client, DisconnectReason reason, String detail) {
        String why = detail.isEmpty() ? reason.text() : reason.text() + " (" + detail + ")";
        if (reason == DisconnectReason.SERVER_STOPPING) {
            log.debug("Chat client {} at {} disconnected: {}", client.id(), client.address(), why);
        } else if (reason == DisconnectReason.TOO_SLOW || reason == DisconnectReason.SLOWLORIS
                || reason == DisconnectReason.ERROR) {
            log.warn("Chat client {} at {} disconnected: {}; in {} bytes, out {} bytes", client.id(), client.address(), why,
                    client.bytesIn(), client.bytesOut());
        } else {
            log.info("Chat client {} at {} disconnected: {}; in {} bytes, out {} bytes", client.id(), client.address(), why,
                    client.bytesIn(), client.bytesOut());
        }
        publish(ChatEvents.DISCONNECTED, new ChatMessage(clock.instant(), Direction.DISCONNECTED, client.id(),
                client.address(), new byte[0], reason.text()));
    }

    @Override
    public void refused(String address, DisconnectReason reason) {
        log.warn("Chat connection from {} refused: {}", address, reason.text());
    }

    @Override
    public void rejected(ChatClient client, String why) {
        log.warn("Chat client {} at {}: message dropped: {}", client == null ? "?" : client.id(),
                client == null ? "?" : client.address(), why);
    }

    private void publish(String topic, ChatMessage message) {
        eventAdmin.postEvent(new Event(topic, Map.of(ChatEvents.MESSAGE, message)));
    }

    /** How the control opens and closes the listening socket, and what it says; on the control thread. */
    private final class ChatSocket implements ServerControl.Binding<ChatListener> {

        /** The clients connected when the socket began to close: it disconnects them all. */
        private int clientsAtStop;

        @Override
        public ChatListener open(InetSocketAddress endpoint) throws Exception {
            ChatSettings wanted = settings;
            return ChatListener.bind(transport, endpoint, wanted, new ClientRegistry<>("chat", wanted.maxClients(), clock),
                    ChatServer.this, log::warn);
        }

        @Override
        public void opened(ChatListener listener) {
            ChatSettings current = settings;
            log.info("Chat server listening on TCP {} ({} framing, {}; {})", Endpoints.of(listener.localAddress()),
                    current.framing().setting(), current.charset().name(), transport.description());
        }

        @Override
        public void closing(ChatListener listener) {
            clientsAtStop = listener.clients().size();
        }

        @Override
        public void closed(ChatListener listener, InetSocketAddress endpoint) {
            log.info("Chat server stopped listening on TCP {}; {} clients disconnected (server stopping)",
                    Endpoints.of(endpoint), clientsAtStop);
        }
    }
}
