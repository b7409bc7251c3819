package io.fieldbench.chart.internal;

import java.util.Arrays;

/**
 * Thins a time-ordered run of points for a plot that is {@code columns} pixels wide, keeping per
 * pixel column its lowest and highest point, in the order they came. Every other point of the
 * column lies between them, so the line drawn through what remains covers the same vertical span
 * in every column as the line through every point: a million points draw as a few thousand.
 * <p>
 * Feed points with {@link #add}, in time order, then take {@link #result}. Not thread-safe.
 */
public final class ColumnDecimation {

    /** Points kept per pixel column at most. */
    public static final int POINTS_PER_COLUMN = 2;

    private final long from;
    private final long span;
    private final int columns;

    private long[] times;
    private double[] values;
    private int count;
    private int raw;

    private int column = -1;
    private long minTime;
    private double minValue;
    private long maxTime;
    private double maxValue;

    /** Columns split the time range {@code [from, to]} evenly; points outside it fall in the edge columns. */
    public ColumnDecimation(long from, long to, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1: " + columns);
        }
        this.from = from;
        this.span = Math.max(1, to - from);
        this.columns = columns;
        int expected = Math.min(columns * POINTS_PER_COLUMN, 1 << 16);
        times = new long[expected];
        values = new double[expected];
    }

    /** Takes the next point; times must not decrease. */
    public void add(long time, double value) {
        raw++;
        long offset = time - from;
        int at = offset <= 0 ? 0 : offset >= span ? columns - 1 : (int) (offset * columns / span);
        if (at != column) {
            flush();
            column = at;
            minTime = maxTime = time;
            minValue = maxValue = value;
            return;
        }
        if (value < minValue) {
            minValue = value;
            minTime = time;
        }
        if (value > maxValue) {
            maxValue = value;
            maxTime = time;
        }
    }

    /** The kept points, oldest first. */
    public SeriesPoints result() {
        flush();
        column = -1;
        return new SeriesPoints(Arrays.copyOf(times, count), Arrays.copyOf(values, count), count, raw);
    }

    private void flush() {
        if (column < 0) {
            return;
        }
        // min and max in the order they came; one point when they are the same
        boolean minFirst = minTime <= maxTime;
        emit(minFirst ? minTime : maxTime, minFirst ? minValue : maxValue);
        if (minTime != maxTime || Double.compare(minValue, maxValue) != 0) {
            emit(minFirst ? maxTime : minTime, minFirst ? maxValue : minValue);
        }
    }

    private void emit(long time, double value) {
        if (count == times.length) {
            times = Arrays.copyOf(times, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        times[count] = time;
        values[count] = value;
        count++;
    }
}
