package io.fieldbench.chart.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.support.DaemonThreads;

/**
 * Feeds the {@link SeriesStore} from the decoded-sample events. The event handler only enqueues
 * the batch (a full queue counts the batch's samples as dropped, it never waits); one thread of
 * its own files the batches into the store.
 * <p>
 * It needs the {@link Workbench}: on a headless bench nothing is charted, so nothing is buffered.
 */
@Component(service = {ChartFeed.class, EventHandler.class}, configurationPid = ChartFeed.PID,
        property = EventConstants.EVENT_TOPIC + "=" + SampleEvents.DECODED)
@Designate(ocd = ChartFeed.Config.class)
public final class ChartFeed implements EventHandler {

    public static final String PID = "io.fieldbench.chart";
    private static final long STOP_WAIT_MILLIS = 2_000;

    @ObjectClassDefinition(name = "Charts", description = "What the live chart views keep in memory.")
    public @interface Config {

        @AttributeDefinition(name = "Retention (points per series)", min = "1000",
                description = "The newest points kept per device channel; older ones leave the charts."
                        + " Each point costs 16 bytes.")
        int retention_points() default 100_000;

        @AttributeDefinition(name = "Intake queue (batches)", min = "16",
                description = "Sample batches waiting to be filed; when full, new batches are counted as dropped.")
        int intake_batches() default 4_096;
    }

    /** Held only so that samples are buffered where there is a window to chart them in. */
    @Reference
    private Workbench workbench;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private SeriesStore store;
    private BlockingQueue<Batch> queue;
    private final LongAdder dropped = new LongAdder();
    private Thread filer;
    private volatile boolean running;

    @Activate
    void activate(Config config) {
        store = new SeriesStore(config.retention_points());
        queue = new ArrayBlockingQueue<>(config.intake_batches());
        running = true;
        filer = DaemonThreads.start("fieldbench-chart-feed", this::file);
        log.info("Charts keep {} points per series", config.retention_points());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        filer.interrupt();
        filer.join(STOP_WAIT_MILLIS);
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(SampleEvents.SAMPLES) instanceof List<?> batch && !batch.isEmpty()) {
            List<Sample> samples = new ArrayList<>(batch.size());
            for (Object item : batch) {
                if (item instanceof Sample sample) {
                    samples.add(sample);
                }
            }
            boolean replay = Boolean.TRUE.equals(event.getProperty(SampleEvents.REPLAY));
            if (!queue.offer(new Batch(samples, replay))) {
                dropped.add(samples.size());
            }
        }
    }

    private void file() {
        List<Batch> batches = new ArrayList<>();
        while (running) {
            try {
                Batch first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                store.append(first.samples(), first.replay());
                queue.drainTo(batches);
                for (Batch batch : batches) {
                    store.append(batch.samples(), batch.replay());
                }
                batches.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Could not file a sample batch for the charts", e);
            }
        }
    }

    /** One event's samples, and whether they are a recording played back. */
    private record Batch(List<Sample> samples, boolean replay) {
    }

    /** The points the views draw. */
    public SeriesStore store() {
        return store;
    }

    /** Samples dropped because the intake queue was full. */
    public long dropped() {
        return dropped.sum();
    }
}
