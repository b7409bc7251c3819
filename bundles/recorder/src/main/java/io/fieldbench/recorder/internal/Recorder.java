package io.fieldbench.recorder.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.Recordings;

/**
 * The recorder: every decoded sample (and, when configured, every raw datagram) to files of the
 * day in the recordings folder. The event handler only queues the batch; a {@link RecordingWriter}
 * on its own thread writes. Replayed batches are not recorded again. Stopping drains the queue
 * into the files before the bundle stops.
 */
@Component(configurationPid = Recorder.PID, service = {EventHandler.class, Recorder.class}, property = {
        EventConstants.EVENT_TOPIC + "=" + SampleEvents.DECODED,
        EventConstants.EVENT_TOPIC + "=" + SampleEvents.RECEIVED })
@Designate(ocd = RecorderConfig.class)
public final class Recorder implements EventHandler {

    public static final String PID = "io.fieldbench.recorder";
    static final String FOLDER = "recordings";
    /** How long stopping waits for the queue to reach the files. */
    static final long DRAIN_MILLIS = 30_000;
    /** The least time between two log lines about a full queue. */
    static final long DROP_REPORT_MILLIS = 10_000;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final AtomicLong replayedSkipped = new AtomicLong();
    private volatile long lastDropReport;
    private RecorderConfig config;
    private Path folder;
    private RecordingQueue queue;
    private RecordingWriter writer;
    private Thread thread;

    @Activate
    void activate(BundleContext context, RecorderConfig config) {
        this.config = config;
        folder = folderOf(context, config);
        queue = new RecordingQueue(Math.max(1000, config.queue_capacity()));
        writer = new RecordingWriter(queue, folder, Math.max(10, config.flush_interval_ms()), config.sync(), log);
        thread = new Thread(writer, "fieldbench-recorder");
        thread.start();
        log.info("Recorder: {} to {} (flush every {} ms{})", config.enabled() ? "recording" : "not recording", folder,
                config.flush_interval_ms(), config.record_datagrams() ? ", datagrams too" : "");
    }

    static Path folderOf(BundleContext context, RecorderConfig config) {
        if (!config.folder().isBlank()) {
            return Path.of(config.folder().trim());
        }
        return DataFolder.of(context).resolve(FOLDER);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        writer.stop();
        thread.join(DRAIN_MILLIS);
        if (thread.isAlive()) {
            log.error("Recorder: {} items were still waiting after {} ms of stopping", queue.items(), DRAIN_MILLIS);
        }
    }

    /** On EventAdmin's thread: queue and return. */
    @Override
    public void handleEvent(Event event) {
        if (!config.enabled()) {
            return;
        }
        boolean decoded = SampleEvents.DECODED.equals(event.getTopic());
        if (!decoded && !config.record_datagrams()) {
            return;
        }
        Object items = event.getProperty(decoded ? SampleEvents.SAMPLES : SampleEvents.DATAGRAMS);
        if (!(items instanceof List<?> batch) || batch.isEmpty()) {
            return;
        }
        if (Boolean.TRUE.equals(event.getProperty(SampleEvents.REPLAY))) {
            replayedSkipped.addAndGet(batch.size());
            return;
        }
        if (!queue.offer(decoded ? Kind.SAMPLES : Kind.DATAGRAMS, batch)) {
            reportDrop();
        }
    }

    private void reportDrop() {
        long now = System.currentTimeMillis();
        if (now - lastDropReport >= DROP_REPORT_MILLIS) {
            lastDropReport = now;
            log.error("Recorder: the write queue is full ({} items): {} items dropped so far; the disk is slower than"
                    + " what arrives (rec:status)", queue.capacity(), queue.dropped());
        }
    }

    /** The recordings folder, for export and replay. */
    public Recordings recordings() {
        return new Recordings(folder);
    }

    /** A snapshot of what the recorder does. */
    public RecorderStatus status() {
        return new RecorderStatus(config.enabled(), config.record_datagrams(), folder, config.flush_interval_ms(),
                writer.written(Kind.SAMPLES), writer.written(Kind.DATAGRAMS), queue.items(), queue.capacity(),
                queue.dropped(), writer.failedItems(), replayedSkipped.get(), writer.problem(), writer.openFiles());
    }
}
