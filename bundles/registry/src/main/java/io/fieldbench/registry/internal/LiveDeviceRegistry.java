package io.fieldbench.registry.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import io.fieldbench.api.device.Device;
import io.fieldbench.api.device.DeviceEvents;
import io.fieldbench.api.device.DeviceRegistry;
import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.support.DaemonThreads;

/**
 * The device registry: follows the collector's samples and failed datagrams, keeps a
 * {@link DeviceTable}, posts {@link DeviceEvents#ONLINE} and {@link DeviceEvents#OFFLINE}, and
 * answers snapshot queries.
 * <p>
 * The event handler only queues the batch (a {@link BatchIntake}); the registry's own thread
 * counts them through a {@link SampleFeed}. A scheduled thread checks for silent devices every
 * {@value #SWEEP_MILLIS} ms. Forgetting devices is queued to the registry's thread too, in order
 * with the stream, since that thread alone changes the table.
 */
@Component(configurationPid = LiveDeviceRegistry.PID,
        service = {DeviceRegistry.class, EventHandler.class, LiveDeviceRegistry.class},
        property = {
                EventConstants.EVENT_TOPIC + "=" + SampleEvents.DECODED,
                EventConstants.EVENT_TOPIC + "=" + SampleEvents.RECEIVED })
@Designate(ocd = RegistryConfig.class)
public final class LiveDeviceRegistry implements DeviceRegistry, EventHandler {

    public static final String PID = "io.fieldbench.registry";
    /** How often silent devices are looked for. */
    static final long SWEEP_MILLIS = 1_000;
    private static final long STOP_WAIT_MILLIS = 2_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    @Reference
    private EventAdmin events;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final DeviceTable table = new DeviceTable();
    private final SampleFeed feed = new SampleFeed(table, this::cameOnline);
    private final AtomicLong failures = new AtomicLong();
    private final ReplayTally replays = new ReplayTally();
    private volatile long silenceNanos;
    private BatchIntake<Event> intake;
    private ScheduledExecutorService silenceWatch;

    @Activate
    void activate(RegistryConfig config) {
        configure(config);
        intake = new BatchIntake<>("fieldbench-registry", this::count, () -> feed.idle(System.nanoTime()), this::failed);
        silenceWatch = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("fieldbench-registry-silence"));
        silenceWatch.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Modified
    void configure(RegistryConfig config) {
        silenceNanos = Math.max(1, config.offline_after_seconds()) * NANOS_PER_SECOND;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        silenceWatch.shutdownNow();
        intake.close(STOP_WAIT_MILLIS);
    }

    /**
     * On EventAdmin's thread: queue and return. Of the traffic stream only datagrams that failed to
     * decode matter here (the others arrive as samples), so a batch without one is not queued. A
     * recording played back is not a device talking now: it never touches live counts or online
     * state, and is only tallied apart.
     */
    @Override
    public void handleEvent(Event event) {
        boolean decoded = SampleEvents.DECODED.equals(event.getTopic());
        Object items = event.getProperty(decoded ? SampleEvents.SAMPLES : SampleEvents.DATAGRAMS);
        if (Boolean.TRUE.equals(event.getProperty(SampleEvents.REPLAY))) {
            if (items instanceof List<?> batch) {
                replays.count(batch, System.nanoTime());
            }
            return;
        }
        if (items instanceof List<?> batch && !batch.isEmpty() && (decoded || anyFailed(batch))) {
            intake.offer(event, batch.size());
        }
    }

    private static boolean anyFailed(List<?> datagrams) {
        for (Object item : datagrams) {
            if (item instanceof Datagram datagram && datagram.failed()) {
                return true;
            }
        }
        return false;
    }

    /** On the registry's thread. */
    private void count(Event event) {
        if (SampleEvents.DECODED.equals(event.getTopic())) {
            feed.samples((List<?>) event.getProperty(SampleEvents.SAMPLES), System.nanoTime());
        } else {
            feed.datagrams((List<?>) event.getProperty(SampleEvents.DATAGRAMS), System.nanoTime());
        }
    }

    private void cameOnline(DeviceRecord device) {
        post(DeviceEvents.ONLINE, device.snapshot(System.nanoTime()));
    }

    private void sweep() {
        try {
            for (Device device : table.sweep(System.nanoTime(), silenceNanos)) {
                post(DeviceEvents.OFFLINE, device);
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep watching
            log.error("The silence check failed: {}", e.toString(), e);
        }
    }

    private void post(String topic, Device device) {
        events.postEvent(new Event(topic, Map.of(DeviceEvents.DEVICE, device)));
    }

    private void failed(RuntimeException e) {
        if (failures.incrementAndGet() == 1) {
            log.error("Counting a batch failed; later failures are only counted: {}", e.toString(), e);
        }
    }

    @Override
    public List<Device> devices() {
        return table.snapshot(System.nanoTime());
    }

    /** The last recording played back, which the live figures leave out. */
    public ReplayTally.Replayed replayed() {
        return replays.replayed(System.nanoTime());
    }

    @Override
    public Optional<Device> device(String id) {
        return table.snapshot(id, System.nanoTime());
    }

    /**
     * Forgets the devices that match, after the batches already queued: what they sent before is
     * forgotten with them, and whatever one sends later makes it a new device (first seen then). A
     * forgotten device that was online gets its {@link DeviceEvents#OFFLINE}, so that a listener
     * following ONLINE and OFFLINE never keeps a vanished device online and sees ONLINE when it
     * returns. Returns at once.
     *
     * @param which tested with each device as it is now
     * @return completes on the registry's thread once the devices are forgotten
     */
    public CompletableFuture<ForgottenDevices> forget(Predicate<Device> which) {
        CompletableFuture<ForgottenDevices> done = new CompletableFuture<>();
        intake.runAfterQueued(() -> {
            try {
                List<Device> forgotten = table.forget(which, System.nanoTime(), device -> post(DeviceEvents.OFFLINE, device));
                ForgottenDevices result = new ForgottenDevices(forgotten);
                log.info("Device registry: {}", result.summary());
                done.complete(result);
            } catch (RuntimeException e) {
                log.error("Forgetting devices failed: {}", e.toString(), e);
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** How the registry itself is doing, for {@code fb:devices --count}. */
    public RegistryHealth health() {
        return new RegistryHealth(table.size(), intake.dropped(), table.untracked(), intake.waiting(), failures.get());
    }
}
