package io.fieldbench.chart.internal;

/**
 * Points of one series ready to draw, oldest first: times (epoch ms) and values share indexes.
 *
 * @param times  receive times, epoch milliseconds
 * @param values channel values
 * @param count  how many entries of the arrays are points
 * @param raw    how many retained points they stand for (more than {@code count} when decimated)
 */
public record SeriesPoints(long[] times, double[] values, int count, int raw) {

    public static final SeriesPoints EMPTY = new SeriesPoints(new long[0], new double[0], 0, 0);

    /** Whether the points were thinned out for drawing. */
    public boolean decimated() {
        return raw > count;
    }
}
