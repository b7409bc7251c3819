package io.fieldbench.tests.distribution;

import java.util.Arrays;
import java.util.Locale;

/**
 * Round trips of one kind seen by the soak's load, a minute at a time: {@link #drain()} gives how
 * many there were since the last drain, with their median and 99th percentile. Safe from any thread.
 */
final class Latencies {

    /** The round trips of one window; percentiles in milliseconds, 0 with none. */
    record Window(int count, double p50Millis, double p99Millis) {

        static final Window NONE = new Window(0, 0, 0);

        /** "p50 / p99" in milliseconds, or "-" for a window without round trips. */
        String text() {
            return count == 0 ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", p50Millis, p99Millis);
        }
    }

    private long[] nanos = new long[1024];
    private int size;

    synchronized void record(long roundTripNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = roundTripNanos;
    }

    /** The window since the last drain; starts the next one. */
    synchronized Window drain() {
        long[] window = Arrays.copyOf(nanos, size);
        size = 0;
        Arrays.sort(window);
        return new Window(window.length, percentile(window, 50), percentile(window, 99));
    }

    private static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(sorted.length * percent / 100.0);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }
}
