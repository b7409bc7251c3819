package io.fieldbench.server.support;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.support.DaemonThreads;

/**
 * Opens and closes one server's socket on a control thread of its own, never on the caller's (the
 * console, the EDT, the configuration thread, an event loop): callers only ask, and get a future
 * that completes once the socket listens, failed, or is closed.
 *
 * @param <S> the server's open socket
 */
public final class ServerControl<S extends ServerControl.Socket> {

    /** How long deactivation waits for the socket to close. */
    public static final long STOP_WAIT_SECONDS = 10;

    /** What a server does. */
    public enum State {
        /** Bound, and serves once the rest of the bench has started ({@link #activateAfter}). */
        WAITING,
        /** Binding. */
        STARTING,
        /** Listening. */
        RUNNING,
        /** Closing its socket. */
        STOPPING,
        /** Not listening. */
        STOPPED
    }

    /** A listening socket of a server. */
    public interface Socket {
        InetSocketAddress localAddress();

        /** Closes the socket and everything it accepted; returns once the port is free. */
        void close();
    }

    /** A server's settings: whether and where it listens is the part its control reads. */
    public interface Listening {
        ListenerSettings listener();

        /** Whether the server listens when the bench starts or the setting changes. */
        default boolean enabled() {
            return listener().enabled();
        }

        /** The address to listen on, as written in the settings. */
        default String bindAddress() {
            return listener().bindAddress();
        }

        default int port() {
            return listener().port();
        }

        /** Whether the socket opened with {@code other} in force stays open with these: any other change applies to the next connection. */
        default boolean sameSocket(Listening other) {
            return bindAddress().equals(other.bindAddress()) && port() == other.port();
        }
    }

    /** What a server tells its control: how to open, and what to say. */
    public interface Binding<S extends Socket> {
        /**
         * Opens the socket on {@code endpoint} with the settings in force; called on the control thread.
         * A server that must not serve before {@link #opened} binds here and starts reading there.
         */
        S open(InetSocketAddress endpoint) throws Exception;

        /** The socket serves now (say so); on the control thread. */
        void opened(S socket);

        /** The socket is about to close: a last look at what it holds; on the control thread. */
        default void closing(S socket) {
        }

        /** The socket that listened on {@code endpoint} is closed (say so); on the control thread. */
        void closed(S socket, InetSocketAddress endpoint);
    }

    private final String name;
    private final BindProblem bindProblem;
    private final Supplier<? extends Listening> settings;
    private final Binding<S> binding;
    private final Consumer<String> errorLog;
    private final ExecutorService control;
    private volatile State state = State.STOPPED;
    private volatile String problem = "";
    /** Set on the control thread only; read anywhere. */
    private volatile S socket;
    /** Whether a socket bound now waits for {@link #release()} before it serves; on the control thread after activation. */
    private boolean holding;

    /**
     * @param name the server as the user knows it, for messages and the thread name, e.g. "chat server"
     * @param settings the server's settings in force, read at each start and change
     * @param errorLog where a failure to listen or to change state is said, in one line
     */
    public ServerControl(String name, BindProblem bindProblem, Supplier<? extends Listening> settings, Binding<S> binding,
            Consumer<String> errorLog) {
        this.name = name;
        this.bindProblem = bindProblem;
        this.settings = settings;
        this.binding = binding;
        this.errorLog = errorLog;
        this.control = Executors.newSingleThreadExecutor(DaemonThreads.named("fieldbench-" + name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-control"));
    }

    /**
     * The first start, at activation: listens if enabled. The settings of {@code etc/<pid>.cfg}
     * are in force already: the core starts a module only once FileInstall has applied {@code etc/}.
     */
    public void activate() {
        if (settings.get().enabled()) {
            control.execute(this::open);
        }
    }

    /**
     * The first start of a server that must not serve before {@code ready} completes: if enabled, it
     * binds at once (the port is taken, and a conflict said, while the rest of the bench starts),
     * stays {@link State#WAITING} and is told it is {@linkplain Binding#opened opened} once
     * {@code ready} completes, however it completes. Meanwhile its socket holds what arrives.
     */
    public void activateAfter(CompletionStage<?> ready) {
        holding = true;
        activate();
        ready.whenComplete((done, failed) -> {
            try {
                control.execute(this::release);
            } catch (RejectedExecutionException deactivated) {
                // stopped before it was to serve
            }
        });
    }

    /** Applies changed settings, already in force, that replaced {@code before}: see {@link #reconfigure(boolean, boolean)}. */
    public void reconfigure(Listening before) {
        reconfigure(before.enabled(), !before.sameSocket(settings.get()));
    }

    /**
     * Applies changed settings, already in force: a change of {@code enabled} starts or stops; a
     * changed address or port rebinds where it listens or last failed.
     */
    public void reconfigure(boolean wasEnabled, boolean socketChanged) {
        submit(() -> {
            boolean enabled = settings.get().enabled();
            if (wasEnabled != enabled) {
                close();
                if (enabled) {
                    open();
                }
            } else if (socketChanged && (socket != null || !problem.isEmpty())) {
                close();
                open();
            }
            return null;
        });
    }

    /** Listens with the settings in force, unless it listens already. */
    public CompletableFuture<Void> start() {
        return submit(() -> {
            open();
            return null;
        });
    }

    /** Closes the socket; completes once the port is free. */
    public CompletableFuture<Void> stop() {
        return submit(() -> {
            close();
            return null;
        });
    }

    /** Runs {@code task} on the control thread, after the starts and stops asked before it. */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            control.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Exception | LinkageError e) {
                    errorLog.accept("The " + name + " failed to change state: " + e);
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the " + name + " is shutting down"));
        }
        return result;
    }

    /**
     * Closes the socket and ends the control thread, at deactivation; a second call only waits.
     *
     * @return whether the socket closed within {@link #STOP_WAIT_SECONDS}
     */
    public boolean deactivate() throws InterruptedException {
        try {
            control.execute(this::close);
        } catch (RejectedExecutionException alreadyDeactivated) {
            // the close is queued already
        }
        control.shutdown();
        return control.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** {@link #deactivate()}, saying so in one line on {@code warnLog} when the socket did not close in time. */
    public void deactivate(Consumer<String> warnLog) throws InterruptedException {
        if (!deactivate()) {
            warnLog.accept("The " + name + "'s socket did not close within " + STOP_WAIT_SECONDS + " s");
        }
    }

    public State state() {
        return state;
    }

    /** Why the last start failed, in one line; empty when it did not fail. */
    public String problem() {
        return problem;
    }

    /** The open socket, or null. */
    public S socket() {
        return socket;
    }

    /**
     * Where it listens, or where it is set to listen when it does not, as {@code host:port}. Told by
     * the socket, not the state: a status that read RUNNING a moment before a stop began still
     * names the port that listened.
     */
    public String endpoint() {
        S open = socket;
        ListenerSettings wanted = settings.get().listener();
        if (open == null) {
            return written(wanted.bindAddress(), wanted.port());
        }
        InetSocketAddress local = open.localAddress();
        // a socket on 0.0.0.0 says it listens on :: (dual stack); say what the user set, with the port taken
        return local.getAddress() != null && local.getAddress().isAnyLocalAddress()
                ? written(wanted.bindAddress(), local.getPort())
                : Endpoints.of(local);
    }

    /** An address as the settings write it, with a port: IPv6 in brackets, as {@link Endpoints} writes it. */
    private static String written(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /** One line for a status: what the server does, or why it does not listen. */
    public static String headline(State state, String endpoint, String problem) {
        return switch (state) {
            case WAITING -> "starting: bound on " + endpoint + ", reads once the other features have started";
            case RUNNING -> "running on " + endpoint;
            case STARTING -> "starting on " + endpoint;
            case STOPPING -> "stopping";
            case STOPPED -> problem.isEmpty() ? "stopped (set to listen on " + endpoint + ")" : "stopped: " + problem;
        };
    }

    private void open() {
        if (socket != null) {
            return;
        }
        ListenerSettings wanted = settings.get().listener();
        String address = wanted.bindAddress();
        int port = wanted.port();
        state = State.STARTING;
        problem = "";
        try {
            if (port < 0 || port > Endpoints.MAX_PORT) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and " + Endpoints.MAX_PORT);
            }
            socket = binding.open(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (Exception e) {
            problem = bindProblem.describe(e, address, port);
            state = State.STOPPED;
            errorLog.accept(problem);
            return;
        }
        if (holding) {
            state = State.WAITING;
        } else {
            state = State.RUNNING;
            binding.opened(socket);
        }
    }

    /** The wait of {@link #activateAfter} is over: a socket bound meanwhile serves from now on. */
    private void release() {
        holding = false;
        if (socket != null && state == State.WAITING) {
            state = State.RUNNING;
            binding.opened(socket);
        }
    }

    private void close() {
        S open = socket;
        if (open == null) {
            state = State.STOPPED;
            problem = "";
            return;
        }
        state = State.STOPPING;
        InetSocketAddress was = open.localAddress();
        binding.closing(open);
        open.close();
        socket = null;
        problem = "";
        state = State.STOPPED;
        binding.closed(open, was);
    }
}
