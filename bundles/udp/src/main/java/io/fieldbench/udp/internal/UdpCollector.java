package io.fieldbench.udp.internal;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
import io.fieldbench.api.feature.FeatureService;
import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.server.support.BindProblem;
import io.fieldbench.server.support.ServerControl;
import io.fieldbench.server.support.SettingsProblems;

/**
 * The UDP collector: listens where its configuration says, decodes with the decoder services
 * present (whiteboard), publishes datagrams and samples, replies, and counts everything. The
 * console and the Collector view start, stop and watch it.
 * <p>
 * Binding and closing happen on the {@link ServerControl}'s thread, never on the caller's: the
 * console, the EDT and the configuration thread only ask. Decoder, encoding and reply changes apply
 * to the next datagram; address, port and buffer changes rebind. {@code enabled} decides whether the
 * collector listens when the bench starts; start and stop are for the moment.
 */
@Component(service = UdpCollector.class, configurationPid = UdpCollector.PID, immediate = true)
@Designate(ocd = CollectorConfig.class)
public final class UdpCollector {

    public static final String PID = "io.fieldbench.udp";
    /** How a failure to listen is told to the user. */
    static final BindProblem BIND_PROBLEM = new BindProblem("UDP", PID);
    /** The framework property naming the distribution's folder (set by the launcher). */

    @Reference
    private EventAdmin eventAdmin;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    /**
     * The bench's features, when the collector runs in a bench: it listens once those chosen at
     * start-up have started. Dynamic, so a restart of the core does not restart the collector.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FeatureService features;

    private final DecoderShelf decoders = new DecoderShelf();
    private final CollectorCounters counters = new CollectorCounters();
    private final DecodeQueue queue = new DecodeQueue();
    private final RateMeter rates = new RateMeter();
    private final KernelDrops kernelDrops = new KernelDrops();
    /** Chosen once: whether Netty's native library loads does not change while the bench runs. */
    private final DatagramTransport transport = DatagramTransport.best();
    private volatile CollectorSettings settings;
    private SettingsProblems problems;
    private volatile ReplyPolicy replies = ReplyPolicy.NONE;
    /** The receive path is warmed up once, before the collector first listens; on the control thread. */
    private boolean warmedUp;
    /** The advice on a small buffer is given once, not at every restart. */
    private boolean smallBufferReported;
    private ServerControl<UdpCollectorServer> control;
    private DecodeWorker worker;

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
    void activate(CollectorConfig config) {
        problems = new SettingsProblems(PID, log::warn);
        settings = CollectorSettings.of(config);
        replies = ReplyPolicy.of(settings);
        problems.say(settings.problems());
        control = new ServerControl<>("UDP collector", BIND_PROBLEM, () -> settings, new CollectorSocket(), log::error);
        worker = new DecodeWorker(queue, decoders, () -> settings, new BatchPublisher(eventAdmin::postEvent), counters,
                rates, kernelDrops, log);
        worker.start();
        // binds at once, so devices' datagrams wait in the socket, not at a closed port, while the bench
        // starts; reads once the decoders, registry and recorder of a starting bench are there for the first
        FeatureService bench = features;
        control.activateAfter(bench == null ? CompletableFuture.completedFuture(null) : bench.ready());
        if (settings.enabled()) {
            control.submit(() -> {
                warmUpOnce(); // on the control thread, after the bind, while the other features start
                return null;
            });
        }
    }

    @Modified
    void modified(CollectorConfig config) {
        CollectorSettings old = settings;
        settings = CollectorSettings.of(config);
        replies = ReplyPolicy.of(settings);
        problems.say(settings.problems());
        control.reconfigure(old);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        control.deactivate(log::warn);
        worker.stop();
    }

    /** Starts listening with the settings in force, unless it listens already; completes once it listens or failed. */
    public CompletableFuture<CollectorStatus> start() {
        return control.start().thenApply(started -> status());
    }

    /** Stops listening and frees the port; completes once the port is free. */
    public CompletableFuture<CollectorStatus> stop() {
        return control.stop().thenApply(stopped -> status());
    }

    /**
     * Sends a datagram from the collector's socket (downlink to a device behind NAT); fails with a
     * one-line reason when the collector does not listen.
     */
    public CompletableFuture<Void> send(InetSocketAddress endpoint, byte[] payload) {
        UdpCollectorServer open = control.state() == ServerControl.State.RUNNING ? control.socket() : null;
        if (open == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the UDP collector does not listen: start it (udp:start) to send to devices"));
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        open.send(endpoint, payload).addListener(future -> {
            if (future.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(future.cause());
            }
        });
        return sent;
    }

    /** The collector now; any thread. */
    public CollectorStatus status() {
        CollectorSettings current = settings;
        ServerControl.State now = control.state();
        UdpCollectorServer open = now == ServerControl.State.RUNNING ? control.socket() : null;
        RateMeter.Rates recent = rates.rates();
        return new CollectorStatus(now, control.endpoint(), control.problem(), current.receiveBuffer(),
                open == null ? 0 : open.grantedReceiveBuffer(), transport.description(), counters.totals(kernelDrops.total()), recent.datagrams(),
                recent.bytes(), current, decoders.names());
    }

    /** Runs the receive path's warm-up unless it ran; on the control thread, before the collector first listens. */
    private void warmUpOnce() {
        if (!warmedUp) {
            warmedUp = true;
            long start = System.nanoTime();
            try {
                int through = IntakeWarmUp.run(transport);
                log.info("Receive path warmed up with {} datagrams over loopback in {} ms", through,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } catch (Exception e) {
                log.info("Receive path not warmed up ({}); the first datagrams may be read slowly", e.toString());
            }
        }
    }

    /** How the control opens and closes the collector's socket, and what it says; on the control thread. */
    private final class CollectorSocket implements ServerControl.Binding<UdpCollectorServer> {

        @Override
        public UdpCollectorServer open(InetSocketAddress endpoint) throws Exception {
            return UdpCollectorServer.bind(endpoint, settings.receiveBuffer(), transport,
                    new UdpCollectorInitializer(() -> replies, queue, counters, Clock.systemUTC()));
        }

        @Override
        public void opened(UdpCollectorServer server) {
            warmUpOnce();
            server.startReading();
            int asked = settings.receiveBuffer();
            int granted = server.grantedReceiveBuffer();
            kernelDrops.watch(server.localAddress().getPort());
            log.info("Listening on UDP {} (receive buffer: {} bytes granted, {} asked; {})", Endpoints.of(server.localAddress()),
                    granted, asked, transport.description());
            if (granted < asked && !smallBufferReported) {
                smallBufferReported = true;
                log.warn("The system granted a UDP receive buffer of {} bytes, less than the {} asked: bursts may be lost;"
                        + " raise net.core.rmem_max (sysctl -w net.core.rmem_max={}) or give the bench CAP_NET_ADMIN to get more",
                        granted, asked, asked);
            }
        }

        @Override
        public void closing(UdpCollectorServer server) {
            kernelDrops.unwatch(); // while the socket's row is still in /proc/net/udp
        }

        @Override
        public void closed(UdpCollectorServer server, InetSocketAddress endpoint) {
            log.info("Stopped listening on UDP {}", Endpoints.of(endpoint));
        }
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Long id ? id : 0L;
    }
}
