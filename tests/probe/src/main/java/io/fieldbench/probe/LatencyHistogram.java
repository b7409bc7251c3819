package io.fieldbench.probe;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, counted in buckets that grow by powers of two (each bucket split in
 * {@value #SUB_BUCKETS}), so a percentile is within about 12% of the truth at any scale, and
 * recording is one atomic increment.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKETS = 8;
    private static final int POWERS = 40;

    private final AtomicLongArray counts = new AtomicLongArray(POWERS * SUB_BUCKETS);

    void record(long micros) {
        counts.incrementAndGet(bucket(Math.max(0, micros)));
    }

    /** The upper bound of the bucket holding the given percentile, in microseconds; 0 with no data. */
    long percentile(double percent) {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        long rank = (long) Math.ceil(total * percent / 100.0);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank && seen > 0) {
                return upperBound(i);
            }
        }
        return 0;
    }

    static int bucket(long micros) {
        if (micros < SUB_BUCKETS) {
            return (int) micros;
        }
        int power = 63 - Long.numberOfLeadingZeros(micros); // micros in [2^power, 2^(power+1))
        int sub = (int) ((micros >> (power - 3)) & (SUB_BUCKETS - 1));
        return Math.min((power - 2) * SUB_BUCKETS + sub, POWERS * SUB_BUCKETS - 1);
    }

    static long upperBound(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int power = bucket / SUB_BUCKETS + 2;
        int sub = bucket % SUB_BUCKETS;
        return (1L << power) + ((long) (sub + 1) << (power - 3)) - 1;
    }
}
