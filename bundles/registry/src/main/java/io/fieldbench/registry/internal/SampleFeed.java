package io.fieldbench.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;

/**
 * Feeds the collector's two streams into the {@link DeviceTable} on the registry's thread, in an
 * order that lets a decode error find its device.
 * <p>
 * The collector publishes each batch twice: its datagrams (traffic) first, then its samples. A
 * datagram that failed to decode names no device; it is counted for the device that last sent from
 * its endpoint before it (or for the endpoint itself), and a device's frames and errors often share
 * a batch. So failed datagrams wait for the samples of their batch (or for the stream to pause, for
 * a batch of failures only) and are then counted with them in receive order.
 */
final class SampleFeed {

    /** Failed datagrams held at most before they are counted anyway. */
    static final int MAX_WAITING = 100_000;

    private final DeviceTable table;
    private final Consumer<DeviceRecord> cameOnline;
    private final List<Datagram> waiting = new ArrayList<>();

    SampleFeed(DeviceTable table, Consumer<DeviceRecord> cameOnline) {
        this.table = table;
        this.cameOnline = cameOnline;
    }

    /**
     * A batch of samples, counted in receive order together with the failed datagrams that waited
     * for it, so each failure is counted for the device that last sent from its endpoint before it.
     */
    void samples(List<?> batch, long nowNanos) {
        int next = 0;
        for (Object item : batch) {
            if (item instanceof Sample sample) {
                for (; next < waiting.size() && waiting.get(next).receivedAt().isBefore(sample.receivedAt()); next++) {
                    table.addFailed(waiting.get(next), nowNanos, cameOnline);
                }
                table.add(sample, nowNanos, cameOnline);
            }
        }
        for (; next < waiting.size(); next++) {
            table.addFailed(waiting.get(next), nowNanos, cameOnline);
        }
        waiting.clear();
    }

    /** A batch of the traffic stream: its failed datagrams wait for the samples that follow. */
    void datagrams(List<?> batch, long nowNanos) {
        for (Object item : batch) {
            if (item instanceof Datagram datagram && datagram.failed()) {
                waiting.add(datagram);
            }
        }
        if (waiting.size() >= MAX_WAITING) {
            countWaiting(nowNanos);
        }
    }

    /** The stream paused: no samples are coming for what waits. */
    void idle(long nowNanos) {
        countWaiting(nowNanos);
    }

    private void countWaiting(long nowNanos) {
        if (waiting.isEmpty()) {
            return;
        }
        for (Datagram datagram : waiting) {
            table.addFailed(datagram, nowNanos, cameOnline);
        }
        waiting.clear();
    }
}
