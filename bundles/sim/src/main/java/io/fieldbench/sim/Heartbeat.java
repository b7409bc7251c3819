package io.fieldbench.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.fieldbench.support.DaemonThreads;

/**
 * Sends the same datagram every N milliseconds, as a device's keep-alive does, until stopped.
 * A failed send is counted and the beat goes on.
 */
public final class Heartbeat implements AutoCloseable {

    /** The shortest period. */
    public static final long MIN_PERIOD_MILLIS = 1;

    private final ScheduledExecutorService timer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> problem = new AtomicReference<>("");

    /** Starts beating at once. */
    public Heartbeat(DatagramSender sender, InetSocketAddress target, byte[] payload, long periodMillis) {
        if (periodMillis < MIN_PERIOD_MILLIS) {
            throw new IllegalArgumentException("the period must be at least " + MIN_PERIOD_MILLIS + " ms");
        }
        byte[] frame = payload.clone();
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("fieldbench-heartbeat"));
        timer.scheduleAtFixedRate(() -> beat(sender, target, frame), 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void beat(DatagramSender sender, InetSocketAddress target, byte[] frame) {
        try {
            sender.send(target, frame);
            sent.incrementAndGet();
        } catch (IOException e) {
            failed.incrementAndGet();
            problem.set(String.valueOf(e.getMessage()));
        }
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    /** The latest send failure, or empty. */
    public String problem() {
        return problem.get();
    }

    /** Stops beating; a beat in progress finishes. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
