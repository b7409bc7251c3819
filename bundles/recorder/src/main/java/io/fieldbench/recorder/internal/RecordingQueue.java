package io.fieldbench.recorder.internal;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.fieldbench.recorder.format.RecordFormat.Kind;

/**
 * The batches between EventAdmin's thread and the writer: bounded by the number of items (samples
 * or datagrams) they hold, not by batches, since one batch may hold one item or thousands. A batch
 * that does not fit is refused whole and its items counted as dropped.
 */
final class RecordingQueue {

    /** A batch of one kind, as the event carried it. */
    record Batch(Kind kind, List<?> items) {
    }

    private final LinkedBlockingQueue<Batch> batches = new LinkedBlockingQueue<>();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final long capacity;

    RecordingQueue(long capacity) {
        this.capacity = capacity;
    }

    /** Queues the batch; false (and the items counted as dropped) when it would exceed the capacity. */
    boolean offer(Kind kind, List<?> batch) {
        int size = batch.size();
        if (items.addAndGet(size) > capacity) {
            items.addAndGet(-size);
            dropped.addAndGet(size);
            return false;
        }
        batches.add(new Batch(kind, batch));
        return true;
    }

    Batch poll(long millis) throws InterruptedException {
        Batch batch = batches.poll(millis, TimeUnit.MILLISECONDS);
        if (batch != null) {
            items.addAndGet(-batch.items().size());
        }
        return batch;
    }

    /** Items waiting now. */
    long items() {
        return items.get();
    }

    long capacity() {
        return capacity;
    }

    /** Items refused because the queue was full, since the start. */
    long dropped() {
        return dropped.get();
    }
}
