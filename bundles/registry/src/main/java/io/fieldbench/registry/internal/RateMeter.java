package io.fieldbench.registry.internal;

/**
 * Datagrams per second over the last few seconds: counts per whole second in a small ring, so
 * recording is a few instructions and a silent device's rate falls to 0 within
 * {@value #SECONDS} seconds. Not thread-safe; its {@link DeviceRecord} guards it.
 */
final class RateMeter {

    /** The averaging window, in seconds. */
    static final int SECONDS = 5;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long[] counts = new long[SECONDS];
    private final long[] stamps = new long[SECONDS];
    private long firstNanos;
    private boolean started;

    void record(long nowNanos) {
        if (!started) {
            started = true;
            firstNanos = nowNanos;
        }
        long second = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        int slot = (int) Math.floorMod(second, SECONDS);
        if (stamps[slot] != second) {
            stamps[slot] = second;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /**
     * The average over the window: the current second so far and the {@value #SECONDS} − 1 before
     * it, or since the first datagram when that is more recent, but over at least one second, so
     * that a device's first datagram is not a rate of thousands.
     */
    double perSecond(long nowNanos) {
        if (!started) {
            return 0;
        }
        long current = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        long count = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            if (stamps[slot] > current - SECONDS && stamps[slot] <= current) {
                count += counts[slot];
            }
        }
        long windowStart = Math.max(firstNanos, (current - SECONDS + 1) * NANOS_PER_SECOND);
        double seconds = Math.max(1.0, (nowNanos - windowStart) / (double) NANOS_PER_SECOND);
        return count / seconds;
    }
}
