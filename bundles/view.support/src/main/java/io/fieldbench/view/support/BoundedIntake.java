package io.fieldbench.view.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Items that another thread delivers (an EventAdmin thread, the log service, an I/O thread)
 * waiting for a view to take them on the EDT, in batches at its own pace. Bounded: when the view
 * falls behind (paused, or a flood beyond what a person can read) the newest items are counted,
 * not kept, so the delivering thread never waits and the EDT's work per tick stays bounded. This
 * is the view's loss only: the servers' own counters are unaffected.
 *
 * @param <T> one item
 */
public final class BoundedIntake<T> {

    private final BlockingQueue<T> waiting;
    private final int capacity;
    private final LongAdder dropped = new LongAdder();

    public BoundedIntake(int capacity) {
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
    }

    /** Queues the item, or counts it as dropped when the queue is full; any thread, never waits. */
    public void offer(T item) {
        if (!waiting.offer(item)) {
            dropped.increment();
        }
    }

    /** Takes every waiting item, oldest first. */
    public List<T> drain() {
        return drain(capacity);
    }

    /** Takes at most {@code max} waiting items, oldest first. */
    public List<T> drain(int max) {
        List<T> batch = new ArrayList<>(Math.min(max, waiting.size()));
        waiting.drainTo(batch, max);
        return batch;
    }

    /** Items waiting for the view. */
    public int waiting() {
        return waiting.size();
    }

    /** How many items may wait: what a pause holds. */
    public int capacity() {
        return capacity;
    }

    /** Items the view had no room for, since it was made. */
    public long dropped() {
        return dropped.sum();
    }
}
