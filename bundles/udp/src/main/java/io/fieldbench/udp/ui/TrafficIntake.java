package io.fieldbench.udp.ui;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

import io.fieldbench.api.sample.Datagram;

/**
 * Takes datagrams as EventAdmin delivers them, on its thread, into a bounded queue that the traffic
 * log drains on the EDT at its own pace. It only copies and enqueues; when the queue is full (the
 * log paused, or a flood beyond what a person can read) the datagram is counted, not kept. The
 * collector's own counters are unaffected: this is the view's loss, not the bench's.
 */
final class TrafficIntake {

    /** Rows waiting for the log: a 0.2 s burst at 100 000 datagrams/s, or a pause of that size. */
    static final int QUEUE_CAPACITY = 20_000;

    private final BlockingQueue<TrafficEntry> queue;
    private final LongAdder dropped = new LongAdder();

    TrafficIntake() {
        this(QUEUE_CAPACITY);
    }

    TrafficIntake(int capacity) {
        queue = new ArrayBlockingQueue<>(capacity);
    }

    void offer(List<?> datagrams) {
        for (Object item : datagrams) {
            if (item instanceof Datagram datagram && !queue.offer(TrafficEntry.of(datagram))) {
                dropped.increment();
            }
        }
    }

    /** Moves at most {@code max} waiting rows into the batch, oldest first. */
    void drainTo(Collection<TrafficEntry> batch, int max) {
        queue.drainTo(batch, max);
    }

    /** Rows waiting for the log. */
    int waiting() {
        return queue.size();
    }

    /** Rows the log could not keep. */
    long dropped() {
        return dropped.sum();
    }

    void clear() {
        queue.clear();
    }
}
