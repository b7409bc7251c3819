package io.fieldbench.files.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.files.internal.FilesStatus.State;
import io.fieldbench.server.support.BindProblem;

/**
 * The file service: listens where its configuration says and sends files of the shared folder to
 * clients that name them ({@link FileRequestHandler}); every name passes {@link SharedFolder}. The
 * console and the Files view start, stop and watch it.
 * <p>
 * Binding and closing happen on one control thread, never on the caller's (console, EDT,
 * configuration thread). Folder, limits and the error line apply to the next request; address and
 * port changes rebind.
 */
@Component(service = FileServer.class, configurationPid = FileServer.PID, immediate = true)
@Designate(ocd = FilesConfig.class)
public final class FileServer {

    public static final String PID = "io.fieldbench.files";
    /** How a failure to listen is told to the user. */
    static final BindProblem BIND_PROBLEM = new BindProblem("TCP", PID);
    /** How long activation waits for FileInstall to apply an existing {@code etc/io.fieldbench.files.cfg}. */
    static final long CONFIG_FILE_WAIT_MILLIS = 5_000;
    static final long STOP_WAIT_SECONDS = 10;
    /** Files counted for the status; a folder with more says "at least". */
    static final int MAX_COUNTED_FILES = 100_000;
    private static final String FILE_INSTALL_SOURCE = "felix.fileinstall.filename";
    private static final String HOME = "fieldbench.home";
    private static final String DATA = "fieldbench.data";

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final Transfers transfers = new Transfers();
    private final RefusalLog refusals = new RefusalLog();
    private final AtomicReference<Future<?>> fileWait = new AtomicReference<>();
    private volatile FilesSettings settings;
    private volatile State state = State.STOPPED;
    private volatile String problem = "";
    private volatile InetSocketAddress listening;
    private Path home;
    private Path data;
    private ScheduledExecutorService control;
    /** Used on the control thread only. */
    private FileServerSocket server;

    @Activate
    void activate(BundleContext context, FilesConfig config, Map<String, Object> properties) {
        home = Path.of(property(context, HOME, "."));
        data = Path.of(property(context, DATA, home.resolve("data").toString()));
        settings = FilesSettings.of(config, home, data);
        control = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fieldbench-files-control");
            thread.setDaemon(true);
            return thread;
        });
        if (configFileUnread(properties)) {
            state = State.STARTING;
            fileWait.set(control.schedule(this::startAsConfigured, CONFIG_FILE_WAIT_MILLIS, TimeUnit.MILLISECONDS));
        } else if (settings.enabled()) {
            control.execute(this::startServer);
        }
    }

    @Modified
    void modified(FilesConfig config) {
        FilesSettings old = settings;
        FilesSettings now = FilesSettings.of(config, home, data);
        settings = now;
        boolean firstFromFile = cancelFileWait();
        submit(() -> {
            reconfigure(old, now, firstFromFile);
            return null;
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        cancelFileWait();
        control.execute(this::stopServer);
        control.shutdown();
        if (!control.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            log.warn("The file service's socket did not close within {} s", STOP_WAIT_SECONDS);
        }
    }

    /** Starts listening with the settings in force, unless it listens already; completes once it listens or failed. */
    public CompletableFuture<FilesStatus> start() {
        cancelFileWait();
        return submit(() -> {
            startServer();
            return status();
        });
    }

    /** Stops listening, frees the port and ends the transfers under way; completes once the port is free. */
    public CompletableFuture<FilesStatus> stop() {
        cancelFileWait();
        return submit(() -> {
            stopServer();
            return status();
        });
    }

    /** The service now; any thread. */
    public FilesStatus status() {
        FilesSettings current = settings;
        State now = state;
        InetSocketAddress at = now == State.RUNNING ? listening : null;
        String endpoint = at != null ? Endpoints.of(at)
                : (current.bindAddress().contains(":") ? "[" + current.bindAddress() + "]" : current.bindAddress()) + ":"
                        + current.port();
        return new FilesStatus(now, endpoint, problem, current.folder(), transfers.inProgress(), transfers.served(),
                transfers.failed(), refusals.total(), transfers.bytesSent());
    }

    /** The most recent refusals, oldest first. */
    public List<Refusal> refusals(int limit) {
        return refusals.recent(limit);
    }

    /**
     * The regular files in the shared folder, relative to it, sorted, at most {@code limit}; reads
     * the disk, so not on the EDT.
     */
    public List<String> files(int limit) {
        Path folder = settings.folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).limit(limit).map(p -> folder.relativize(p).toString()).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private CompletableFuture<FilesStatus> submit(Callable<FilesStatus> task) {
        CompletableFuture<FilesStatus> result = new CompletableFuture<>();
        try {
            control.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Exception | LinkageError e) {
                    log.error("The file service failed to change state: {}", String.valueOf(e), e);
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the file service is shutting down"));
        }
        return result;
    }

    private void reconfigure(FilesSettings old, FilesSettings now, boolean firstFromFile) {
        if (firstFromFile || old.enabled() != now.enabled()) {
            stopServer();
            if (now.enabled()) {
                startServer();
            }
        } else if (!old.sameSocket(now) && (server != null || !problem.isEmpty())) {
            stopServer();
            startServer();
        } else if (server != null && !old.folder().equals(now.folder())) {
            makeFolder(now.folder());
            log.info("Sharing {}", now.folder());
        }
    }

    private void startAsConfigured() {
        fileWait.set(null);
        if (settings.enabled()) {
            startServer();
        } else {
            state = State.STOPPED;
        }
    }

    private boolean cancelFileWait() {
        Future<?> pending = fileWait.getAndSet(null);
        return pending != null && pending.cancel(false);
    }

    /** Whether {@code etc/io.fieldbench.files.cfg} exists but ConfigAdmin has not got it yet (see the UDP collector). */
    private boolean configFileUnread(Map<String, Object> properties) {
        return !properties.containsKey(FILE_INSTALL_SOURCE) && Files.exists(home.resolve("etc").resolve(PID + ".cfg"));
    }

    private void makeFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            log.warn("Cannot create the shared folder {}: {}", folder, String.valueOf(e));
        }
    }

    private void startServer() {
        if (server != null) {
            return;
        }
        FilesSettings wanted = settings;
        state = State.STARTING;
        problem = "";
        makeFolder(wanted.folder());
        try {
            if (!wanted.portValid()) {
                throw new IllegalArgumentException("port " + wanted.port() + " is not between 0 and " + FilesSettings.MAX_PORT);
            }
            InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getByName(wanted.bindAddress()), wanted.port());
            server = FileServerSocket.bind(endpoint, new FileServerInitializer(() -> settings, transfers, refusals, log));
        } catch (Exception e) {
            problem = BIND_PROBLEM.describe(e, wanted.bindAddress(), wanted.port());
            state = State.STOPPED;
            log.error(problem);
            return;
        }
        listening = server.localAddress();
        state = State.RUNNING;
        log.info("Sharing {} on TCP {}", wanted.folder(), Endpoints.of(listening));
    }

    private void stopServer() {
        if (server == null) {
            state = State.STOPPED;
            problem = "";
            return;
        }
        state = State.STOPPING;
        String was = Endpoints.of(listening);
        server.close();
        server = null;
        listening = null;
        problem = "";
        state = State.STOPPED;
        log.info("Stopped the file service on TCP {}", was);
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
