package io.fieldbench.udp.internal;

import java.util.concurrent.TimeUnit;

/**
 * Datagrams and bytes per second over the last full second: the decode thread shows it the totals
 * as often as it likes, and the rates change once a second at most.
 */
final class RateMeter {

    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Rates per second. */
    record Rates(double datagrams, double bytes) {
        static final Rates NONE = new Rates(0, 0);
    }

    private long windowStart;
    private long datagramsAtStart;
    private long bytesAtStart;
    private boolean started;
    private volatile Rates rates = Rates.NONE;

    /** Takes the totals at this moment; says whether a window closed (once a second). */
    synchronized boolean sample(long datagrams, long bytes, long nanoTime) {
        if (!started) {
            started = true;
            restart(datagrams, bytes, nanoTime);
            return false;
        }
        long elapsed = nanoTime - windowStart;
        if (elapsed < WINDOW_NANOS) {
            return false;
        }
        double seconds = elapsed / (double) TimeUnit.SECONDS.toNanos(1);
        rates = new Rates((datagrams - datagramsAtStart) / seconds, (bytes - bytesAtStart) / seconds);
        restart(datagrams, bytes, nanoTime);
        return true;
    }

    private void restart(long datagrams, long bytes, long nanoTime) {
        windowStart = nanoTime;
        datagramsAtStart = datagrams;
        bytesAtStart = bytes;
    }

    Rates rates() {
        return rates;
    }
}
