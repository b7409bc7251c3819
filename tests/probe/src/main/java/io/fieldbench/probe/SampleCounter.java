package io.fieldbench.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;

/**
 * Counts the decoded samples the bench publishes, by device, and how long each took from receipt
 * to delivery: the counting consumer of the tests and the benchmark. {@code probe:samples}
 * prints the figures, {@code probe:reset} starts again.
 */
@Component(service = { EventHandler.class, SampleCounter.class }, property = {
        EventConstants.EVENT_TOPIC + "=" + SampleEvents.DECODED,
        "osgi.command.scope=probe", "osgi.command.function=samples", "osgi.command.function=reset" })
public class SampleCounter implements EventHandler {

    private final LongAdder samples = new LongAdder();
    private final Set<String> devices = ConcurrentHashMap.newKeySet();
    private volatile LatencyHistogram latency = new LatencyHistogram();

    @Override
    public void handleEvent(Event event) {
        Instant now = Instant.now();
        LatencyHistogram histogram = latency;
        @SuppressWarnings("unchecked")
        List<Sample> batch = (List<Sample>) event.getProperty(SampleEvents.SAMPLES);
        for (Sample sample : batch) {
            devices.add(sample.deviceId());
            histogram.record(Duration.between(sample.receivedAt(), now).toNanos() / 1000);
        }
        samples.add(batch.size());
    }

    /** One line: {@code samples=N devices=M p50=Xus p99=Yus}. */
    public String samples() {
        LatencyHistogram histogram = latency;
        return "samples=" + samples.sum() + " devices=" + devices.size()
                + " p50=" + histogram.percentile(50) + "us p99=" + histogram.percentile(99) + "us";
    }

    public String reset() {
        samples.reset();
        devices.clear();
        latency = new LatencyHistogram();
        return "reset";
    }
}
