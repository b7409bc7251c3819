package io.fieldbench.chart.internal;

import java.util.ArrayDeque;

/**
 * The lowest and highest point per column of a time-ordered run of points, the columns those of a
 * {@link ColumnGrid} width. Every other point of a column lies between them, so the line drawn
 * through what remains covers the same vertical span in every column as the line through every
 * point: a million points draw as a few thousand.
 * <p>
 * The columns form a queue: points join at the new end ({@link #add}, in time order), whole
 * columns leave at the old end ({@link #dropOldest}), and the oldest column can be folded again
 * from fewer points ({@link #restartOldest}, {@link #foldOldest}) when its oldest points left the
 * ring. Each column remembers which of the ring's points it holds (their sequence numbers), so
 * that {@link SeriesColumns} can keep a run from read to read. Not thread-safe.
 */
final class ColumnRun {

    /** Points kept per column at most. */
    static final int POINTS_PER_COLUMN = 2;

    private final long width;
    private final ArrayDeque<Column> columns = new ArrayDeque<>();

    ColumnRun(long width) {
        this.width = width;
    }

    long width() {
        return width;
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    /** Takes the ring's point number {@code seq}; times must not decrease. */
    void add(long seq, long time, double value) {
        long at = Math.floorDiv(time, width);
        Column newest = columns.peekLast();
        if (newest != null && newest.at == at) {
            newest.fold(time, value);
        } else {
            columns.addLast(new Column(at, seq, time, value));
        }
    }

    /** The sequence number of the oldest column's first point. */
    long oldestSeq() {
        return columns.getFirst().firstSeq;
    }

    /** The sequence number after the oldest column's last point. */
    long oldestEndSeq() {
        Column oldest = columns.getFirst();
        return oldest.firstSeq + oldest.count;
    }

    void dropOldest() {
        columns.removeFirst();
    }

    /** Folds the oldest column afresh, starting with this point; {@link #foldOldest} adds the rest. */
    void restartOldest(long seq, long time, double value) {
        Column oldest = columns.removeFirst();
        columns.addFirst(new Column(oldest.at, seq, time, value));
    }

    void foldOldest(long time, double value) {
        columns.getFirst().fold(time, value);
    }

    /** Adds each column's lowest and highest point, in the order they came; one point when they are the same. */
    void emitTo(PointsBuilder out) {
        for (Column c : columns) {
            boolean minFirst = c.minTime <= c.maxTime;
            out.add(minFirst ? c.minTime : c.maxTime, minFirst ? c.minValue : c.maxValue);
            if (c.minTime != c.maxTime || Double.compare(c.minValue, c.maxValue) != 0) {
                out.add(minFirst ? c.maxTime : c.minTime, minFirst ? c.maxValue : c.minValue);
            }
        }
    }

    /** How many points {@link #emitTo} adds at most. */
    int maxPoints() {
        return columns.size() * POINTS_PER_COLUMN;
    }

    /** One column: which points it holds, and the lowest and highest of them (the first of equals). */
    private static final class Column {

        final long at;
        final long firstSeq;
        int count = 1;
        long minTime;
        double minValue;
        long maxTime;
        double maxValue;

        Column(long at, long firstSeq, long time, double value) {
            this.at = at;
            this.firstSeq = firstSeq;
            minTime = time;
            maxTime = time;
            minValue = value;
            maxValue = value;
        }

        void fold(long time, double value) {
            count++;
            if (value < minValue) {
                minValue = value;
                minTime = time;
            }
            if (value > maxValue) {
                maxValue = value;
                maxTime = time;
            }
        }
    }
}
