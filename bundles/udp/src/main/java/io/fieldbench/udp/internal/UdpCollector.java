package io.fieldbench.udp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import io.fieldbench.api.decoder.Decoder;
import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.server.support.BindProblem;
import io.fieldbench.udp.internal.CollectorStatus.State;

/**
 * The UDP collector: listens where its configuration says, decodes with the decoder services
 * present (whiteboard), publishes datagrams and samples, replies, and counts everything. The
 * console and the Collector view start, stop and watch it.
 * <p>
 * Binding and closing happen on one control thread, never on the caller's: the console, the EDT and
 * the configuration thread only ask. Decoder, encoding and reply changes apply to the next datagram;
 * address, port and buffer changes rebind. {@code enabled} decides whether the collector listens
 * when the bench starts; start and stop are for the moment.
 */
@Component(service = UdpCollector.class, configurationPid = UdpCollector.PID, immediate = true)
@Designate(ocd = CollectorConfig.class)
public final class UdpCollector {

    public static final String PID = "io.fieldbench.udp";
    /** How a failure to listen is told to the user. */
    static final BindProblem BIND_PROBLEM = new BindProblem("UDP", PID);
    /**
     * How long the collector waits, at activation, for FileInstall to apply an existing
     * {@code etc/io.fieldbench.udp.cfg}, rather than binding the default port for a moment.
     */
    static final long CONFIG_FILE_WAIT_MILLIS = 5_000;
    static final long STOP_WAIT_SECONDS = 10;
    /** The property FileInstall puts on the configurations it made from a file. */
    private static final String FILE_INSTALL_SOURCE = "felix.fileinstall.filename";
    /** The framework property naming the distribution's folder (set by the launcher). */
    private static final String HOME = "fieldbench.home";

    @Reference
    private EventAdmin eventAdmin;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final DecoderShelf decoders = new DecoderShelf();
    private final CollectorCounters counters = new CollectorCounters();
    private final DecodeQueue queue = new DecodeQueue();
    private final RateMeter rates = new RateMeter();
    private final KernelDrops kernelDrops = new KernelDrops();
    private final AtomicReference<Future<?>> fileWait = new AtomicReference<>();
    private volatile CollectorSettings settings;
    private volatile ReplyPolicy replies = ReplyPolicy.NONE;
    private volatile State state = State.STOPPED;
    private volatile String problem = "";
    private volatile InetSocketAddress listening;
    private volatile int grantedBuffer;
    /** The advice on a small buffer is given once, not at every restart. */
    private boolean smallBufferReported;
    private ScheduledExecutorService control;
    private DecodeWorker worker;
    /** Used on the control thread only. */
    private UdpCollectorServer server;

    @Reference(name = "decoders", service = Decoder.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeDecoder", updated = "updateDecoder")
    void addDecoder(Decoder decoder, Map<String, Object> properties) {
        decoders.put(decoder, ranking(properties), serviceId(properties));
    }

    void updateDecoder(Decoder decoder, Map<String, Object> properties) {
        decoders.put(decoder, ranking(properties), serviceId(properties));
    }

    void removeDecoder(Decoder decoder, Map<String, Object> properties) {
        decoders.remove(serviceId(properties));
    }

    @Activate
    void activate(BundleContext context, CollectorConfig config, Map<String, Object> properties) {
        settings = CollectorSettings.of(config);
        replies = ReplyPolicy.of(settings);
        settings.problems().forEach(p -> log.warn("Setting in etc/{}.cfg: {}", PID, p));
        control = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fieldbench-udp-control");
            thread.setDaemon(true);
            return thread;
        });
        worker = new DecodeWorker(queue, decoders, () -> settings, new BatchPublisher(eventAdmin::postEvent), counters,
                rates, kernelDrops, log);
        worker.start();
        if (configFileUnread(context, properties)) {
            state = State.STARTING;
            fileWait.set(control.schedule(this::startAsConfigured, CONFIG_FILE_WAIT_MILLIS, TimeUnit.MILLISECONDS));
        } else if (settings.enabled()) {
            control.execute(this::startServer);
        }
    }

    @Modified
    void modified(CollectorConfig config) {
        CollectorSettings old = settings;
        CollectorSettings now = CollectorSettings.of(config);
        settings = now;
        replies = ReplyPolicy.of(now);
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
        control.execute(this::stopServer);
        control.shutdown();
        if (!control.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            log.warn("The UDP collector's socket did not close within {} s", STOP_WAIT_SECONDS);
        }
        worker.stop();
    }

    /** Starts listening with the settings in force, unless it listens already; completes once it listens or failed. */
    public CompletableFuture<CollectorStatus> start() {
        cancelFileWait();
        return submit(() -> {
            startServer();
            return status();
        });
    }

    /** Stops listening and frees the port; completes once the port is free. */
    public CompletableFuture<CollectorStatus> stop() {
        cancelFileWait();
        return submit(() -> {
            stopServer();
            return status();
        });
    }

    /** The collector now; any thread. */
    public CollectorStatus status() {
        CollectorSettings current = settings;
        State now = state; // read before the address: the address is set before the state says RUNNING
        InetSocketAddress at = now == State.RUNNING ? listening : null;
        String endpoint = at != null ? Endpoints.of(at)
                : (current.bindAddress().contains(":") ? "[" + current.bindAddress() + "]" : current.bindAddress())
                        + ":" + current.port();
        RateMeter.Rates recent = rates.rates();
        return new CollectorStatus(now, endpoint, problem, current.receiveBuffer(), grantedBuffer,
                counters.totals(kernelDrops.total()), recent.datagrams(), recent.bytes(), current, decoders.names());
    }

    private CompletableFuture<CollectorStatus> submit(Callable<CollectorStatus> task) {
        CompletableFuture<CollectorStatus> result = new CompletableFuture<>();
        try {
            control.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Exception | LinkageError e) {
                    log.error("The UDP collector failed to change state: {}", String.valueOf(e), e);
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the UDP collector is shutting down"));
        }
        return result;
    }

    /** Applies a configuration change on the control thread. */
    private void reconfigure(CollectorSettings old, CollectorSettings now, boolean firstFromFile) {
        if (firstFromFile || old.enabled() != now.enabled()) {
            if (now.enabled()) {
                stopServer();
                startServer();
            } else {
                stopServer();
            }
        } else if (!old.sameSocket(now) && (server != null || !problem.isEmpty())) {
            // rebind where it listens, or try the new address or port after a failure
            stopServer();
            startServer();
        }
    }

    /** The configuration file was not read in time: start with what there is. */
    private void startAsConfigured() {
        fileWait.set(null);
        if (settings.enabled()) {
            startServer();
        } else {
            state = State.STOPPED;
        }
    }

    /** Says whether a wait for the configuration file was still pending (and ends it). */
    private boolean cancelFileWait() {
        Future<?> pending = fileWait.getAndSet(null);
        return pending != null && pending.cancel(false);
    }

    /**
     * Whether {@code etc/io.fieldbench.udp.cfg} exists but ConfigAdmin has not got it yet: the
     * collector is often activated before FileInstall's first scan, and would otherwise bind the
     * default port for a moment, perhaps one that belongs to someone else.
     */
    private static boolean configFileUnread(BundleContext context, Map<String, Object> properties) {
        String home = context.getProperty(HOME);
        return home != null && !properties.containsKey(FILE_INSTALL_SOURCE)
                && Files.exists(Path.of(home, "etc", PID + ".cfg"));
    }

    private void startServer() {
        if (server != null) {
            return;
        }
        CollectorSettings wanted = settings;
        state = State.STARTING;
        problem = "";
        try {
            if (!wanted.portValid()) {
                throw new IllegalArgumentException("port " + wanted.port() + " is not between 0 and " + CollectorSettings.MAX_PORT);
            }
            InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getByName(wanted.bindAddress()), wanted.port());
            server = UdpCollectorServer.bind(endpoint, wanted.receiveBuffer(),
                    new UdpCollectorInitializer(() -> replies, queue, counters, Clock.systemUTC()));
        } catch (Exception e) {
            problem = BIND_PROBLEM.describe(e, wanted.bindAddress(), wanted.port());
            state = State.STOPPED;
            log.error(problem);
            return;
        }
        listening = server.localAddress();
        grantedBuffer = server.grantedReceiveBuffer();
        kernelDrops.watch(listening.getPort());
        state = State.RUNNING;
        log.info("Listening on UDP {} (receive buffer: {} bytes granted, {} asked)", Endpoints.of(listening),
                grantedBuffer, wanted.receiveBuffer());
        if (grantedBuffer < wanted.receiveBuffer() && !smallBufferReported) {
            smallBufferReported = true;
            log.warn("The system granted a UDP receive buffer of {} bytes, less than the {} asked: bursts may be lost;"
                    + " raise net.core.rmem_max (sysctl) to get more", grantedBuffer, wanted.receiveBuffer());
        }
    }

    private void stopServer() {
        if (server == null) {
            state = State.STOPPED;
            problem = "";
            return;
        }
        state = State.STOPPING;
        String was = Endpoints.of(listening);
        kernelDrops.unwatch();
        server.close();
        server = null;
        listening = null;
        grantedBuffer = 0;
        problem = "";
        state = State.STOPPED;
        log.info("Stopped listening on UDP {}", was);
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Long id ? id : 0L;
    }
}
