package io.fieldbench.chat.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
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

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.chat.events.ChatMessage;
import io.fieldbench.chat.events.ChatMessage.Direction;
import io.fieldbench.chat.events.ChatTopics;
import io.fieldbench.chat.internal.ChatStatus.State;
import io.fieldbench.server.support.BindProblem;
import io.netty.buffer.Unpooled;

/**
 * The TCP chat server: many clients at once, each with a short id; reads what they send, sends to
 * one, some or all, kicks, and says why each connection ended. Publishes every message and
 * connection change for the Chat view; the console and the view start, stop and operate it.
 * <p>
 * Binding and closing happen on one control thread, never on the caller's (the console, the EDT,
 * the configuration thread, an event loop): they only ask. Framing, encoding and limits apply to the
 * next connection; address and port changes rebind.
 */
@Component(service = ChatServer.class, configurationPid = ChatServer.PID, immediate = true)
@Designate(ocd = ChatConfig.class)
public final class ChatServer implements ChatTraffic {

    public static final String PID = "io.fieldbench.chat";
    /** How a failure to listen is told to the user. */
    static final BindProblem BIND_PROBLEM = new BindProblem("TCP", PID);
    /** How long the server waits, at activation, for FileInstall to apply an existing etc/io.fieldbench.chat.cfg. */
    static final long CONFIG_FILE_WAIT_MILLIS = 5_000;
    static final long STOP_WAIT_SECONDS = 10;
    private static final String FILE_INSTALL_SOURCE = "felix.fileinstall.filename";
    private static final String HOME = "fieldbench.home";

    @Reference
    private EventAdmin eventAdmin;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Future<?>> fileWait = new AtomicReference<>();
    private volatile ChatSettings settings;
    private volatile State state = State.STOPPED;
    private volatile String problem = "";
    private volatile InetSocketAddress listening;
    /** Set on the control thread; read anywhere. */
    private volatile ChatListener listener;
    private ScheduledExecutorService control;

    @Activate
    void activate(BundleContext context, ChatConfig config, Map<String, Object> properties) {
        settings = ChatSettings.of(config);
        settings.problems().forEach(p -> log.warn("Setting in etc/{}.cfg: {}", PID, p));
        control = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fieldbench-chat-control");
            thread.setDaemon(true);
            return thread;
        });
        if (configFileUnread(context, properties)) {
            state = State.STARTING;
            fileWait.set(control.schedule(this::startAsConfigured, CONFIG_FILE_WAIT_MILLIS, TimeUnit.MILLISECONDS));
        } else if (settings.enabled()) {
            control.execute(this::startListening);
        }
    }

    @Modified
    void modified(ChatConfig config) {
        ChatSettings old = settings;
        ChatSettings now = ChatSettings.of(config);
        settings = now;
        if (!now.problems().equals(old.problems())) {
            now.problems().forEach(p -> log.warn("Setting in etc/{}.cfg: {}", PID, p));
        }
        boolean firstFromFile = cancelFileWait();
        submit(() -> {
            reconfigure(old, now, firstFromFile);
            return null;
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        cancelFileWait();
        control.execute(this::stopListening);
        control.shutdown();
        if (!control.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            log.warn("The chat server's socket did not close within {} s", STOP_WAIT_SECONDS);
        }
    }

    /** Starts listening with the settings in force, unless it listens already; completes once it listens or failed. */
    public CompletableFuture<ChatStatus> start() {
        cancelFileWait();
        return submit(() -> {
            startListening();
            return status();
        });
    }

    /** Stops listening, disconnects every client and frees the port; completes once the port is free. */
    public CompletableFuture<ChatStatus> stop() {
        cancelFileWait();
        return submit(() -> {
            stopListening();
            return status();
        });
    }

    public ChatStatus status() {
        ChatSettings current = settings;
        State now = state;
        InetSocketAddress at = now == State.RUNNING ? listening : null;
        ChatListener open = listener;
        String endpoint = at != null ? Endpoints.of(at)
                : (current.bindAddress().contains(":") ? "[" + current.bindAddress() + "]" : current.bindAddress())
                        + ":" + current.port();
        return new ChatStatus(now, endpoint, problem, open == null ? 0 : open.clients().size(), current);
    }

    public ChatSettings settings() {
        return settings;
    }

    /** The connected clients by id; empty when the server does not listen. */
    public List<ChatClient> clients() {
        ChatListener open = listener;
        return open == null ? List.of() : open.clients().all();
    }

    public Optional<ChatClient> client(int id) {
        ChatListener open = listener;
        return Optional.ofNullable(open == null ? null : open.clients().get(id));
    }

    /**
     * Sends one message to one client, framed as the framing says; does not wait for it to go.
     *
     * @return whether the client is connected
     * @throws IllegalArgumentException when the message does not fit the framing
     */
    public boolean send(int id, byte[] message) {
        Optional<ChatClient> client = client(id);
        if (client.isEmpty()) {
            return false;
        }
        byte[] framed = Frames.encode(settings, message);
        client.get().keep(new ChatClient.Kept(clock.instant(), false, message));
        client.get().channel().writeAndFlush(Unpooled.wrappedBuffer(framed));
        publish(ChatTopics.SENT, new ChatMessage(clock.instant(), Direction.SENT, id, client.get().address(), message, ""));
        return true;
    }

    /**
     * Sends one message to every client; a client that does not read is disconnected by its limit,
     * not waited for.
     *
     * @return how many clients it went to
     */
    public int broadcast(byte[] message) {
        ChatListener open = listener;
        if (open == null) {
            return 0;
        }
        byte[] framed = Frames.encode(settings, message);
        List<ChatClient> all = open.clients().all();
        for (ChatClient client : all) {
            client.keep(new ChatClient.Kept(clock.instant(), false, message));
        }
        open.clients().channels().writeAndFlush(Unpooled.wrappedBuffer(framed));
        publish(ChatTopics.SENT, new ChatMessage(clock.instant(), Direction.SENT, ChatMessage.ALL_CLIENTS, "all clients",
                message, ""));
        return all.size();
    }

    /** Disconnects a client, logged as kicked; whether it was connected. */
    public boolean kick(int id) {
        Optional<ChatClient> client = client(id);
        client.ifPresent(c -> {
            c.closing(DisconnectReason.KICKED, "");
            c.channel().close();
        });
        return client.isPresent();
    }

    // --- what the client handlers report, on the event loops ---

    @Override
    public void connected(ChatClient client) {
        log.info("Chat client {} connected from {}", client.id(), client.address());
        publish(ChatTopics.CONNECTED, new ChatMessage(client.since(), Direction.CONNECTED, client.id(), client.address(),
                new byte[0], ""));
    }

    @Override
    public void received(ChatClient client, byte[] message) {
        client.keep(new ChatClient.Kept(clock.instant(), true, message));
        ChatSettings current = settings;
        if (current.echo()) {
            // not published as sent: the echo would double every message in the view; bytes out still count
            client.channel().writeAndFlush(Unpooled.wrappedBuffer(Frames.encode(current, message)));
        }
        publish(ChatTopics.RECEIVED, new ChatMessage(clock.instant(), Direction.RECEIVED, client.id(), client.address(),
                message, ""));
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
        publish(ChatTopics.DISCONNECTED, new ChatMessage(clock.instant(), Direction.DISCONNECTED, client.id(),
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
        eventAdmin.postEvent(new Event(topic, Map.of(ChatTopics.MESSAGE, message)));
    }

    // --- the control thread ---

    private CompletableFuture<ChatStatus> submit(Callable<ChatStatus> task) {
        CompletableFuture<ChatStatus> result = new CompletableFuture<>();
        try {
            control.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Exception | LinkageError e) {
                    log.error("The chat server failed to change state: {}", String.valueOf(e), e);
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the chat server is shutting down"));
        }
        return result;
    }

    private void reconfigure(ChatSettings old, ChatSettings now, boolean firstFromFile) {
        if (firstFromFile || old.enabled() != now.enabled()) {
            stopListening();
            if (now.enabled()) {
                startListening();
            }
        } else if (!old.sameSocket(now) && (listener != null || !problem.isEmpty())) {
            stopListening();
            startListening();
        }
    }

    private void startAsConfigured() {
        fileWait.set(null);
        if (settings.enabled()) {
            startListening();
        } else {
            state = State.STOPPED;
        }
    }

    private boolean cancelFileWait() {
        Future<?> pending = fileWait.getAndSet(null);
        return pending != null && pending.cancel(false);
    }

    private static boolean configFileUnread(BundleContext context, Map<String, Object> properties) {
        String home = context.getProperty(HOME);
        return home != null && !properties.containsKey(FILE_INSTALL_SOURCE)
                && Files.exists(Path.of(home, "etc", PID + ".cfg"));
    }

    private void startListening() {
        if (listener != null) {
            return;
        }
        ChatSettings wanted = settings;
        state = State.STARTING;
        problem = "";
        ChatListener opened;
        try {
            if (!wanted.portValid()) {
                throw new IllegalArgumentException("port " + wanted.port() + " is not between 0 and " + ChatSettings.MAX_PORT);
            }
            InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getByName(wanted.bindAddress()), wanted.port());
            opened = ChatListener.bind(endpoint, wanted, new ClientRegistry(wanted.maxClients(), clock), this);
        } catch (Exception e) {
            problem = BIND_PROBLEM.describe(e, wanted.bindAddress(), wanted.port());
            state = State.STOPPED;
            log.error(problem);
            return;
        }
        listening = opened.localAddress();
        listener = opened;
        state = State.RUNNING;
        log.info("Chat server listening on TCP {} ({} framing, {})", Endpoints.of(listening), wanted.framing().setting(),
                wanted.charset().name());
    }

    private void stopListening() {
        ChatListener open = listener;
        if (open == null) {
            state = State.STOPPED;
            problem = "";
            return;
        }
        state = State.STOPPING;
        String was = Endpoints.of(listening);
        int clients = open.clients().size();
        open.close();
        listener = null;
        listening = null;
        problem = "";
        state = State.STOPPED;
        log.info("Chat server stopped listening on TCP {}; {} clients disconnected (server stopping)", was, clients);
    }
}
