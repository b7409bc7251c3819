package io.fieldbench.udp.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.jctools.queues.MpscArrayQueue;

/**
 * The datagrams between the I/O thread and the decode thread, bounded both in number and in bytes
 * (65 507-byte datagrams would otherwise fill the heap long before the count limit). When full the
 * I/O thread drops the datagram and counts it; it never waits.
 * <p>
 * Lock-free (JCTools): queueing a datagram takes no lock and wakes nobody. The I/O thread wakes the
 * decode thread, if it waits, after a burst it read ({@link #wakeConsumer}; see {@link DatagramIntakeHandler}
 * for when), not once per datagram: on two cores every wake-up is taken from the sender or the decode work.
 */
final class DecodeQueue {

    /**
     * About 2.6 s of a 100 000 datagrams/s stream: room for the first seconds of a bench that was just
     * started, while its decode thread is still being compiled (the byte limit bounds large datagrams).
     */
    static final int MAX_DATAGRAMS = 262_144;
    /** Payload bytes waiting at most. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** What a queued datagram costs besides its payload (object headers, address, time). */
    static final int OVERHEAD_BYTES = 96;

    private final MpscArrayQueue<RawDatagram> queue;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    /** The decode thread while it waits for datagrams, else null. */
    private volatile Thread waiting;

    DecodeQueue() {
        this(MAX_DATAGRAMS, MAX_BYTES);
    }

    /** @param maxDatagrams rounded up to a power of two, as the lock-free queue needs */
    DecodeQueue(int maxDatagrams, long maxBytes) {
        this.queue = new MpscArrayQueue<>(maxDatagrams);
        this.maxBytes = maxBytes;
    }

    /** Queues the datagram, or says no when the queue is full. */
    boolean offer(RawDatagram datagram) {
        long cost = cost(datagram);
        if (bytes.addAndGet(cost) > maxBytes) {
            bytes.addAndGet(-cost);
            return false;
        }
        if (!queue.offer(datagram)) {
            bytes.addAndGet(-cost);
            return false;
        }
        return true;
    }

    /** Whether the decode thread waits for datagrams (it looks at the queue again before it waits). */
    boolean consumerWaits() {
        return waiting != null;
    }

    /** Wakes the decode thread if it waits; the I/O thread calls it after datagrams it queued. */
    void wakeConsumer() {
        Thread consumer = waiting;
        if (consumer != null) {
            LockSupport.unpark(consumer);
        }
    }

    /**
     * Waits up to the timeout for a datagram; null when none came. One thread polls: the decode
     * thread (or the warm-up's, before it starts).
     */
    RawDatagram poll(long timeout, TimeUnit unit) throws InterruptedException {
        RawDatagram datagram = queue.poll();
        if (datagram == null) {
            datagram = await(System.nanoTime() + unit.toNanos(timeout));
        }
        if (datagram != null) {
            bytes.addAndGet(-cost(datagram));
        }
        return datagram;
    }

    /** Parks until woken or the deadline; says it waits before it looks again, so a wake-up is never missed. */
    private RawDatagram await(long deadline) throws InterruptedException {
        waiting = Thread.currentThread();
        try {
            RawDatagram datagram;
            long left;
            while ((datagram = queue.poll()) == null && (left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return datagram;
        } finally {
            waiting = null;
        }
    }

    /** Moves at most {@code max} waiting datagrams into the collection, oldest first. */
    int drainTo(List<RawDatagram> into, int max) {
        int before = into.size();
        int moved = queue.drain(into::add, max);
        long freed = 0;
        for (int i = before; i < into.size(); i++) {
            freed += cost(into.get(i));
        }
        bytes.addAndGet(-freed);
        return moved;
    }

    int size() {
        return queue.size();
    }

    private static long cost(RawDatagram datagram) {
        return datagram.payload().length + (long) OVERHEAD_BYTES;
    }
}
