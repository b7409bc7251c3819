package io.fieldbench.imagerelay.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.fieldbench.api.imagerelay.RelayEvent;

/**
 * The relay's events waiting for the view's next refresh, bounded: when the view falls behind, the
 * newest are dropped and counted, so that an EventAdmin thread never waits and the EDT does at most
 * one batch a tick.
 */
final class EventIntake {

    static final int CAPACITY = 10_000;

    private final BlockingQueue<RelayEvent> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    void offer(RelayEvent event) {
        if (!waiting.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    List<RelayEvent> drain() {
        List<RelayEvent> batch = new ArrayList<>();
        waiting.drainTo(batch);
        return batch;
    }

    long dropped() {
        return dropped.get();
    }
}
