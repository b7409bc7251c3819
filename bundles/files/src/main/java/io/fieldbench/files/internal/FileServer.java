package io.fieldbench.files.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.netty.util.concurrent.DefaultThreadFactory;
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
import io.fieldbench.api.settings.BenchProperties;
import io.fieldbench.server.support.BindProblem;
import io.fieldbench.server.support.ServerControl;
import io.fieldbench.server.support.SettingsProblems;
import io.fieldbench.server.support.tcp.TcpTransport;

/**
 * The file service: listens where its configuration says and sends files of the shared folder to
 * clients that name them ({@link FileRequestHandler}); every name passes {@link SharedFolder}. The
 * console and the Files view start, stop and watch it.
 * <p>
 * Binding and closing happen on the {@link ServerControl}'s thread, never on the caller's (console,
 * EDT, configuration thread). Folder, limits and the error line apply to the next request; address
 * and port changes rebind.
 */
@Component(service = FileServer.class, configurationPid = FileServer.PID, immediate = true)
@Designate(ocd = FilesConfig.class)
public final class FileServer {

    public static final String PID = "io.fieldbench.files";
    /** How a failure to listen is told to the user. */
    static final BindProblem BIND_PROBLEM = new BindProblem("TCP", PID);
    /** Files counted for the status; a folder with more says "at least". */
    public static final int MAX_COUNTED_FILES = 100_000;
    private static final int DISK_THREADS = 4;
    private static final long DISK_IDLE_SECONDS = 30;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final Transfers transfers = new Transfers();
    /** Chosen once: whether Netty's native library loads does not change while the bench runs. */
    private final TcpTransport transport = TcpTransport.best();
    private final RefusalLog refusals = new RefusalLog();
    private volatile FilesSettings settings;
    private SettingsProblems problems;
    private Path home;
    private Path data;
    private ServerControl<FileServerSocket> control;
    /** Looks names up and opens files, off the event loops; a few at a time, the threads end when idle. */
    private ExecutorService disk;
    /** The folder the open socket was announced to share; on the control thread only. */
    private Path shared;

    @Activate
    void activate(BundleContext context, FilesConfig config) {
        home = Path.of(property(context, BenchProperties.HOME, "."));
        data = Path.of(property(context, BenchProperties.DATA, home.resolve("data").toString()));
        problems = new SettingsProblems(PID, log::warn);
        settings = FilesSettings.of(config, home, data);
        problems.say(settings.problems());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(DISK_THREADS, DISK_THREADS, DISK_IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DefaultThreadFactory("fieldbench-files-disk", true));
        pool.allowCoreThreadTimeOut(true);
        disk = pool;
        control = new ServerControl<>("file service", BIND_PROBLEM, () -> settings, new SharingSocket(), log::error);
        control.activate();
    }

    @Modified
    void modified(FilesConfig config) {
        FilesSettings old = settings;
        settings = FilesSettings.of(config, home, data);
        problems.say(settings.problems());
        control.reconfigure(old);
        control.submit(this::shareChangedFolder);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        control.deactivate(log::warn);
        disk.shutdown();
    }

    /** Starts listening with the settings in force, unless it listens already; completes once it listens or failed. */
    public CompletableFuture<FilesStatus> start() {
        return control.start().thenApply(started -> status());
    }

    /** Stops listening, frees the port and ends the transfers under way; completes once the port is free. */
    public CompletableFuture<FilesStatus> stop() {
        return control.stop().thenApply(stopped -> status());
    }

    /** The service now; any thread. */
    public FilesStatus status() {
        return new FilesStatus(control.state(), control.endpoint(), control.problem(), transport.description(), settings.folder(),
                transfers.inProgress(), transfers.served(), transfers.failed(), refusals.total(), transfers.bytesSent());
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

    /**
     * After a change of settings that kept the socket open: a new folder is shared from the next
     * request on, and said so. (A socket opened again announced its folder already.)
     */
    private Void shareChangedFolder() {
        Path wanted = settings.folder();
        if (control.socket() != null && !wanted.equals(shared)) {
            shared = wanted;
            makeFolder(wanted);
            log.info("Sharing {}", wanted);
        }
        return null;
    }

    private void makeFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            log.warn("Cannot create the shared folder {}: {}", folder, String.valueOf(e));
        }
    }

    /** How the control opens and closes the listening socket, and what it says; on the control thread. */
    private final class SharingSocket implements ServerControl.Binding<FileServerSocket> {

        @Override
        public FileServerSocket open(InetSocketAddress endpoint) throws Exception {
            shared = settings.folder();
            makeFolder(shared);
            return FileServerSocket.bind(transport, endpoint, new FileServerInitializer(() -> settings, transfers, refusals, log, disk),
                    log::warn);
        }

        @Override
        public void opened(FileServerSocket socket) {
            log.info("Sharing {} on TCP {} ({})", shared, Endpoints.of(socket.localAddress()), transport.description());
        }

        @Override
        public void closed(FileServerSocket socket, InetSocketAddress endpoint) {
            log.info("Stopped the file service on TCP {}", Endpoints.of(endpoint));
        }
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
