package io.fieldbench.udp.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The datagrams between the I/O thread and the decode thread, bounded both in number and in bytes
 * (65 507-byte datagrams would otherwise fill the heap long before the count limit). When full the
 * I/O thread drops the datagram and counts it; it never waits.
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

    private final BlockingQueue<RawDatagram> queue;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();

    DecodeQueue() {
        this(MAX_DATAGRAMS, MAX_BYTES);
    }

    DecodeQueue(int maxDatagrams, long maxBytes) {
        this.queue = new ArrayBlockingQueue<>(maxDatagrams);
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

    /** Waits up to the timeout for a datagram; null when none came. */
    RawDatagram poll(long timeout, TimeUnit unit) throws InterruptedException {
        RawDatagram datagram = queue.poll(timeout, unit);
        if (datagram != null) {
            bytes.addAndGet(-cost(datagram));
        }
        return datagram;
    }

    /** Moves at most {@code max} waiting datagrams into the collection, oldest first. */
    int drainTo(List<RawDatagram> into, int max) {
        int before = into.size();
        int moved = queue.drainTo(into, max);
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
