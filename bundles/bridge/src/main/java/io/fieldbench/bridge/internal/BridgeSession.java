package io.fieldbench.bridge.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.log.Logger;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import io.fieldbench.api.device.Device;
import io.fieldbench.api.device.Downlink;
import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The bridge while a broker is set: one {@link BrokerLink}; this bench's samples (and, with
 * {@code publish.datagrams}, its datagrams) gathered by a {@link Batcher} into the {@link Outbox}
 * and sent by the {@link OutboxSender}; other benches' samples taken in ({@link RemoteIntake});
 * downlink both ways ({@link DownlinkDesk}).
 * <p>
 * One thread, {@code fieldbench-bridge}, does the gathering, the disk and the sending; the event
 * handler and the client's threads only hand work to it. Received messages are handled on the
 * client's thread and delivered to the bench's handlers before they are acknowledged to the broker
 * ({@link RemoteIntake}), so a slow handler slows the intake rather than a kill losing what waited.
 */
final class BridgeSession {

    /** Messages waiting for their acknowledgement at most. */
    static final int MAX_INFLIGHT = 64;
    /** Samples queued for the bridge's thread at most; beyond, they are counted as overrun. */
    static final long MAX_QUEUED_SAMPLES = 2_000_000;
    private static final long STATUS_MILLIS = 1_000;
    private static final long STOP_MILLIS = 3_000;
    private static final long REJECTION_LOG_MILLIS = 1_000;

    private final BridgeSettings settings;
    private final Topics topics;
    private final Logger log;
    private final long boot = System.currentTimeMillis();
    private final ScheduledExecutorService thread;
    private final BrokerLink link;
    private final RemoteIntake intake;
    private final DownlinkDesk desk;
    private final InboundRouter inbound;
    private final Outbox outbox;
    private final Batcher<Sample> batcher;
    private final Batcher<Datagram> datagrams;
    private final OutboxSender sender;
    private final Map<String, byte[]> deviceStatus = new ConcurrentHashMap<>();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicLong queuedSamples = new AtomicLong();
    private final AtomicLong overrun = new AtomicLong();
    private static final String CONNECTING = "connecting";
    private static final String CONNECTED = "connected";
    private static final String DISCONNECTED = "disconnected";

    private volatile String state = CONNECTING;
    private volatile String lastError = "";
    private volatile BridgeStatus status;
    private final Rate publishedMessages = new Rate();
    private final Rate publishedSamples = new Rate();
    private final Rate receivedMessages = new Rate();
    private final Rate receivedSamples = new Rate();
    private long lastRejectionLog;

    BridgeSession(BridgeSettings settings, Path folder, Consumer<Event> deliver, Supplier<Optional<Downlink>> downlink, Logger log)
            throws IOException {
        this.settings = settings;
        this.topics = new Topics(settings.prefix());
        this.log = log;
        this.thread = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("fieldbench-bridge", true));
        this.link = new BrokerLink(settings, topics, benchStatus("offline"), new LinkEvents());
        this.intake = new RemoteIntake(deliver);
        this.desk = new DownlinkDesk(settings, topics, link::publish, downlink);
        this.inbound = new InboundRouter(settings, topics, intake, desk, this::problem);
        this.outbox = Outbox.open(folder.resolve("outbox"), settings.backlogMaxBytes());
        this.batcher = new Batcher<>(settings.site(), boot, topics.of(settings.site(), Topics.SAMPLES), SampleBatchJson::write, outbox);
        this.datagrams = new Batcher<>(settings.site(), boot, topics.of(settings.site(), Topics.DATAGRAMS), DatagramBatchJson::write,
                outbox);
        this.sender = new OutboxSender(outbox, MAX_INFLIGHT, settings.replayRate(), BrokerLink::refusedByBroker, this::wake);
        this.status = snapshot();
    }

    void start() throws IOException, GeneralSecurityException {
        if (outbox.pending() > 0) {
            log.info("MQTT bridge: {} messages from before wait on disk; they are sent once the broker is reached",
                    outbox.pending());
        }
        link.start();
        thread.scheduleWithFixedDelay(() -> run(this::flush), settings.batchMillis(), settings.batchMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(() -> run(this::tick), STATUS_MILLIS, STATUS_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Samples of this bench (never remote ones): queued for the next batch. Any thread; returns at once. */
    void samples(List<Sample> samples) {
        if (!settings.publish()) {
            return;
        }
        if (queuedSamples.addAndGet(samples.size()) > MAX_QUEUED_SAMPLES) {
            queuedSamples.addAndGet(-samples.size());
            overrun.addAndGet(samples.size());
            return;
        }
        submit(() -> {
            queuedSamples.addAndGet(-samples.size());
            for (Sample sample : samples) {
                desk.heard(sample.deviceId(), sample.source());
            }
            batcher.add(samples);
        });
    }

    /** Datagrams of this bench as received, when they are published. Any thread; returns at once. */
    void datagrams(List<Datagram> received) {
        if (settings.publish() && settings.publishDatagrams()) {
            submit(() -> datagrams.add(received));
        }
    }

    /** A device of this bench came online or went offline: retained on its topic, the latest state only. */
    void device(Device device, boolean online) {
        if (!settings.publish()) {
            return;
        }
        byte[] payload = String.format("{\"device\":\"%s\",\"online\":%b,\"time\":%d,\"lastSeen\":%d}",
                jsonEscape(device.id()), online, System.currentTimeMillis(), device.lastSeen().toEpochMilli())
                .getBytes(StandardCharsets.UTF_8);
        String topic = topics.deviceStatus(settings.site(), device.id());
        deviceStatus.put(topic, payload);
        if (connected()) {
            link.publish(topic, payload, true, MqttQos.AT_LEAST_ONCE);
        }
    }

    /** Whether the device is one of a site this bench receives from, while the broker is connected. */
    boolean reaches(String deviceId) {
        int slash = deviceId.indexOf('/');
        return connected() && slash > 0 && settings.receivesFrom(deviceId.substring(0, slash));
    }

    /** Sends a datagram to a device of another bench; completes with that bench's one-line result. */
    CompletableFuture<String> send(String remoteDevice, byte[] payload) {
        if (!connected()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the bridge is not connected to its broker"
                    + (lastError.isEmpty() ? "" : ": " + lastError)));
        }
        return desk.send(remoteDevice, payload);
    }

    BridgeStatus status() {
        return status;
    }

    /** Writes what was gathered, says offline, disconnects, and keeps the backlog for the next start. */
    void stop() throws InterruptedException {
        thread.execute(() -> run(this::flushBatches));
        thread.shutdown();
        thread.awaitTermination(STOP_MILLIS, TimeUnit.MILLISECONDS);
        link.stop(STOP_MILLIS);
        try {
            outbox.close();
        } catch (IOException e) {
            log.warn("MQTT bridge: cannot close its backlog on disk: {}", e.getMessage());
        }
    }

    private void flush() throws IOException {
        flushBatches();
        sender.pump(System.nanoTime());
    }

    private void flushBatches() throws IOException {
        batcher.flush();
        datagrams.flush();
    }

    private void wake() {
        if (pumpQueued.compareAndSet(false, true)) {
            submit(() -> {
                pumpQueued.set(false);
                sender.pump(System.nanoTime());
            });
        }
    }

    private void tick() throws IOException {
        outbox.saveMark();
        status = snapshot();
    }

    private BridgeStatus snapshot() throws IOException {
        long now = System.nanoTime();
        long published = sender.published();
        long received = intake.batches();
        BridgeStatus.Traffic out = new BridgeStatus.Traffic(published, batcher.items(),
                publishedMessages.perSecond(published, now), publishedSamples.perSecond(batcher.items(), now));
        BridgeStatus.Traffic in = new BridgeStatus.Traffic(received, intake.samples(),
                receivedMessages.perSecond(received, now), receivedSamples.perSecond(intake.samples(), now));
        BridgeStatus.Backlog backlog = new BridgeStatus.Backlog(outbox.pending(), outbox.bytes(), backlogAge(), outbox.dropped(),
                sender.catchingUp());
        return new BridgeStatus(state, settings.broker().map(Object::toString).orElse(""), settings.site(),
                settings.clientId(), String.join(",", settings.subscribe()), lastError, out, backlog, sender.refused(),
                overrun.get(), in, intake.duplicates(), intake.missing(), inbound.rejected(), desk.carriedOut());
    }

    private long backlogAge() throws IOException {
        if (outbox.pending() == 0) {
            return 0;
        }
        try (Outbox.Reader oldest = outbox.readFrom(outbox.acked())) {
            Outbox.Entry entry = oldest.next();
            return entry == null ? 0 : Math.max(0, (System.currentTimeMillis() - entry.time()) / 1000);
        }
    }

    private boolean connected() {
        return CONNECTED.equals(state);
    }

    private void onConnected() throws IOException {
        state = CONNECTED;
        lastError = "";
        log.info("MQTT bridge: connected to {} as site '{}'", settings.broker().orElseThrow(), settings.site());
        link.publish(topics.of(settings.site(), Topics.STATUS), benchStatus("online"), true, MqttQos.AT_LEAST_ONCE);
        deviceStatus.forEach((topic, payload) -> link.publish(topic, payload, true, MqttQos.AT_LEAST_ONCE));
        link.subscribe(subscriptions()).whenComplete((done, failure) -> {
            if (failure != null) {
                problem("the broker refused a subscription: " + failure.getMessage());
            }
        });
        sender.connected((topic, payload) -> link.publish(topic, payload, false, qos()));
        if (sender.catchingUp()) {
            log.info("MQTT bridge: sending the backlog of {} messages ({} messages/s beside the live data)",
                    outbox.pending(), settings.replayRate());
        }
        sender.pump(System.nanoTime());
    }

    private void onDisconnected(String reason) throws IOException {
        boolean wasConnected = connected();
        state = wasConnected ? DISCONNECTED : state;
        sender.disconnected();
        if (wasConnected || !reason.equals(lastError)) {
            log.warn("MQTT bridge: {}", reason); // once per loss, not at every retry
        }
        lastError = reason;
    }

    private List<String> subscriptions() {
        List<String> filters = new ArrayList<>();
        for (String site : settings.subscribe()) {
            filters.add(topics.everything(site));
        }
        filters.add(topics.of(settings.site(), Topics.COMMAND));
        filters.add(topics.of(settings.site(), Topics.REPLY));
        return filters;
    }

    private MqttQos qos() {
        return settings.qos() == 0 ? MqttQos.AT_MOST_ONCE : MqttQos.AT_LEAST_ONCE;
    }

    /** A problem with what arrives: in the status always, in the log at most once a second. */
    private synchronized void problem(String line) {
        lastError = line;
        long now = System.nanoTime();
        if (now - lastRejectionLog > TimeUnit.MILLISECONDS.toNanos(REJECTION_LOG_MILLIS)) {
            lastRejectionLog = now;
            log.warn("MQTT bridge: {}", line);
        }
    }

    private byte[] benchStatus(String state) {
        return String.format("{\"site\":\"%s\",\"state\":\"%s\",\"boot\":%d}", jsonEscape(settings.site()), state, boot)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonEscape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    /** Work on the bridge's thread: a failure is logged in one line, and the thread goes on. */
    private interface Work {
        void run() throws IOException;
    }

    private void run(Work work) {
        try {
            work.run();
        } catch (IOException | RuntimeException e) {
            problem("the backlog on disk failed: " + e.getMessage() + "; check the data folder's disk");
        }
    }

    /** Hands work to the bridge's thread; after {@link #stop()} there is none, and the work is dropped. */
    private void submit(Work work) {
        try {
            thread.execute(() -> run(work));
        } catch (RejectedExecutionException stopped) {
            // the session ended: what it had is on disk
        }
    }

    /** The link's news, handed to the bridge's thread. */
    private final class LinkEvents implements BrokerLink.Listener {

        @Override
        public void connected() {
            submit(BridgeSession.this::onConnected);
        }

        @Override
        public void disconnected(String reason) {
            submit(() -> onDisconnected(reason));
        }

        @Override
        public void message(Mqtt5Publish publish) {
            inbound.received(publish);
        }
    }
}
