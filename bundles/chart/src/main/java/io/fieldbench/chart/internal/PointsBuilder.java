package io.fieldbench.chart.internal;

import java.util.Arrays;

/** Collects points to draw, oldest first, into a {@link SeriesPoints}. Not thread-safe. */
final class PointsBuilder {

    private long[] times;
    private double[] values;
    private int count;

    PointsBuilder(int expected) {
        times = new long[Math.max(1, expected)];
        values = new double[times.length];
    }

    void add(long time, double value) {
        if (count == times.length) {
            times = Arrays.copyOf(times, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        times[count] = time;
        values[count] = value;
        count++;
    }

    /** The points added, standing for {@code raw} retained points. */
    SeriesPoints build(int raw) {
        return new SeriesPoints(Arrays.copyOf(times, count), Arrays.copyOf(values, count), count, raw);
    }
}
