package io.fieldbench.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.fieldbench.support.DaemonThreads;

/**
 * Takes batches from EventAdmin's threads and works through them on a thread of its own, so the
 * event handler returns at once. The queue holds {@value #CAPACITY} batches (at the collector's
 * batching, many seconds of a 100 000 datagrams/s stream); when it is full a batch is dropped and
 * its items counted, never silently. A task queued with {@link #runAfterQueued} is never refused:
 * it is what lets another thread change the thread's state in order with the stream.
 *
 * @param <T> the batch
 */
final class BatchIntake<T> {

    static final int CAPACITY = 50_000;
    /** Batches taken from the queue in one go. */
    private static final int DRAIN = 256;
    /** A pause in the stream this long counts as idle. */
    static final long IDLE_MILLIS = 50;

    /** Unbounded, so that tasks and the end always fit; batches stop at {@link #capacity}. */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final int capacity;
    private final Consumer<T> work;
    private final Runnable idle;
    private final Consumer<RuntimeException> failure;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private final Object end = new Object();

    /**
     * @param work    called with each batch
     * @param idle    called when no batch came for {@value #IDLE_MILLIS} ms
     * @param failure told when the work throws; the intake goes on with the next batch
     */
    BatchIntake(String name, Consumer<T> work, Runnable idle, Consumer<RuntimeException> failure) {
        this(name, CAPACITY, work, idle, failure);
    }

    BatchIntake(String name, int capacity, Consumer<T> work, Runnable idle, Consumer<RuntimeException> failure) {
        this.capacity = capacity;
        this.work = work;
        this.idle = idle;
        this.failure = failure;
        thread = DaemonThreads.start(name, this::run);
    }

    /**
     * Queues a batch; returns at once.
     *
     * @param items how many datagrams the batch holds, counted as dropped when the queue is full
     */
    void offer(T batch, int items) {
        // a racing offer may pass the capacity by a batch or two: it is a bound on memory, not a contract
        if (queue.size() >= capacity || !queue.offer(batch)) {
            dropped.addAndGet(items);
        }
    }

    /** Runs the task on the intake's thread after the batches already queued; returns at once. */
    void runAfterQueued(Runnable task) {
        queue.add(new Task(task));
    }

    /** Items dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Batches waiting. */
    int waiting() {
        return queue.size();
    }

    @SuppressWarnings("unchecked")
    private void run() {
        List<Object> taken = new ArrayList<>(DRAIN);
        try {
            while (true) {
                Object first = queue.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    run(idle);
                    first = queue.take();
                }
                taken.add(first);
                queue.drainTo(taken, DRAIN - 1);
                for (Object batch : taken) {
                    if (batch == end) {
                        return;
                    }
                    run(batch instanceof Task task ? task.work() : () -> work.accept((T) batch));
                }
                taken.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failure.accept(e);
        }
    }

    /** Stops after the batches already queued, waiting at most this long (more than 0). */
    void close(long waitMillis) throws InterruptedException {
        queue.add(end);
        thread.join(waitMillis);
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    /** Wrapped, so that a batch that happens to be a {@link Runnable} is never taken for a task. */
    private record Task(Runnable work) {
    }
}
