package io.fieldbench.udp.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the collector counted since it was activated. The I/O thread, the decode thread and the
 * reply listeners count concurrently; readers take a {@link Totals} snapshot.
 */
public final class CollectorCounters {

    private final LongAdder datagrams = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder queueDrops = new LongAdder();
    private final LongAdder decodeErrors = new LongAdder();
    private final LongAdder replyFailures = new LongAdder();

    /**
     * A moment's counts.
     *
     * @param datagrams     datagrams received from the socket
     * @param bytes         their bytes
     * @param decodeErrors  datagrams published with a decode problem
     * @param queueDrops    datagrams dropped because the decode queue was full
     * @param kernelDrops   datagrams the kernel dropped at the socket, or -1 where it does not say
     * @param replyFailures echo or ack replies the socket refused (too long, unreachable)
     */
    public record Totals(long datagrams, long bytes, long decodeErrors, long queueDrops, long kernelDrops,
            long replyFailures) {
    }

    void received(int length) {
        datagrams.increment();
        bytes.add(length);
    }

    void queueDropped() {
        queueDrops.increment();
    }

    void decodeFailed() {
        decodeErrors.increment();
    }

    void replyFailed() {
        replyFailures.increment();
    }

    Totals totals(long kernelDrops) {
        return new Totals(datagrams.sum(), bytes.sum(), decodeErrors.sum(), queueDrops.sum(), kernelDrops,
                replyFailures.sum());
    }
}
