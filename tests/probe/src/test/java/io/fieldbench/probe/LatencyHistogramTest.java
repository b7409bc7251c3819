package io.fieldbench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void smallValuesAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 4; i++) {
            histogram.record(i + 1);
        }

        assertEquals(2, histogram.percentile(50));
        assertEquals(4, histogram.percentile(99));
    }

    @Test
    void percentilesAreWithinTheBucketPrecision() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 10_000; micros++) {
            histogram.record(micros);
        }

        long p50 = histogram.percentile(50);
        long p99 = histogram.percentile(99);

        assertTrue(p50 >= 5_000 && p50 <= 5_000 * 1.13, "p50 " + p50);
        assertTrue(p99 >= 9_900 && p99 <= 9_900 * 1.13, "p99 " + p99);
    }

    @Test
    void everyValueFallsInABucketWhoseBoundHoldsIt() {
        for (long micros = 0; micros < 100_000; micros += 7) {
            int bucket = LatencyHistogram.bucket(micros);
            assertTrue(LatencyHistogram.upperBound(bucket) >= micros, "bucket of " + micros);
            assertTrue(bucket == 0 || LatencyHistogram.upperBound(bucket - 1) < micros, "previous bucket of " + micros);
        }
    }

    @Test
    void noDataGivesZero() {
        assertEquals(0, new LatencyHistogram().percentile(99));
    }
}
