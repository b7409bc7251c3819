package io.fieldbench.chart.internal;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The retained points of one series: a ring of primitive times and values that keeps the newest
 * {@code capacity} points. It grows by doubling up to its capacity, so a series that sends little
 * costs little. One thread appends while views read.
 * <p>
 * Reading points ({@link #window}, {@link #all}) holds the ring's lock: for a window decimated in
 * the columns of the previous read ({@link SeriesColumns}) only while the new points are folded in,
 * for a full decimation or an export for a pass over every point of the range, which may take the
 * draw worker milliseconds. The counts and time bounds never take it: {@link #summary} is the immutable
 * {@link Summary} the appender {@link #publish publishes} after each batch, so the EDT, which reads
 * them every refresh, never waits for a decimation.
 * <p>
 * Times are kept in order, which makes range queries a binary search. A point a little older than
 * the newest (receive threads racing) is filed at the newest time; one much older (a replay
 * started over) starts the series afresh.
 */
final class SeriesRing {

    static final int INITIAL_CAPACITY = 1024;
    /** How far back a point may be before it is taken as the start of a new run rather than a race. */
    static final long REORDER_TOLERANCE_MILLIS = 1_000;
    /** Bytes a retained point costs: a long time and a double value. */
    static final int BYTES_PER_POINT = Long.BYTES + Double.BYTES;

    private final int capacity;
    private long[] times;
    private double[] values;
    /** Index of the oldest point. */
    private int start;
    private int size;
    private long evicted;
    private long restarts;
    /** Points ever added: the sequence number of the next. */
    private long added;
    /** What lock-free readers see: the state as of the last {@link #publish}. */
    private volatile Summary published;

    /**
     * The ring's counts and time bounds at one moment, for readers that must not wait for the lock.
     *
     * @param size     retained points
     * @param oldest   the oldest retained time, or {@link Long#MAX_VALUE} when empty
     * @param newest   the newest retained time, or {@link Long#MIN_VALUE} when empty
     * @param bytes    bytes held by the arrays, used or not
     * @param evicted  points dropped because the ring was full
     * @param restarts times an old point started the series afresh
     */
    record Summary(int size, long oldest, long newest, long bytes, long evicted, long restarts) {
    }

    SeriesRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        int initial = Math.min(capacity, INITIAL_CAPACITY);
        times = new long[initial];
        values = new double[initial];
        publish();
    }

    synchronized void add(long time, double value) {
        added++;
        if (size > 0) {
            long newest = times[physical(size - 1)];
            if (time < newest - REORDER_TOLERANCE_MILLIS) {
                start = 0;
                size = 0;
                restarts++;
            } else if (time < newest) {
                time = newest;
            }
        }
        if (size == times.length && size < capacity) {
            grow();
        }
        if (size == capacity) {
            times[start] = time;
            values[start] = value;
            start = (start + 1) % capacity;
            evicted++;
        } else {
            int at = physical(size);
            times[at] = time;
            values[at] = value;
            size++;
        }
    }

    private void grow() {
        int larger = (int) Math.min(capacity, (long) times.length * 2);
        long[] newTimes = new long[larger];
        double[] newValues = new double[larger];
        // the ring is full when it grows: unroll it so the oldest point lands at index 0
        int head = times.length - start;
        System.arraycopy(times, start, newTimes, 0, head);
        System.arraycopy(times, 0, newTimes, head, start);
        System.arraycopy(values, start, newValues, 0, head);
        System.arraycopy(values, 0, newValues, head, start);
        times = newTimes;
        values = newValues;
        start = 0;
    }

    /**
     * Without a branch: compiled before the ring first wraps (while it fills), a branch on the wrap
     * would be compiled as never taken, and the first eviction would throw that code away, in the
     * middle of a stream, with every read and append that inlined it.
     */
    private int physical(int logical) {
        int at = start + logical;
        int length = times.length;
        return at - (length & ((length - 1 - at) >> 31));  // at < 2 * length; the shift is -1 when at >= length
    }

    /** Makes what was added so far visible to the lock-free readers; the appender calls it after each batch. */
    synchronized void publish() {
        published = new Summary(size, size == 0 ? Long.MAX_VALUE : times[start],
                size == 0 ? Long.MIN_VALUE : times[physical(size - 1)], (long) times.length * BYTES_PER_POINT,
                evicted, restarts);
    }

    /** The counts and time bounds as last published; never waits for the lock. */
    Summary summary() {
        return published;
    }

    /**
     * The points in {@code [from, to]} plus the one just outside each end (so a line enters and
     * leaves the plot), decimated for {@code columns} pixel columns ({@link ColumnGrid},
     * {@link ColumnRun}) when there are more than {@link ColumnRun#POINTS_PER_COLUMN} a column:
     * a pass over every point of the range.
     */
    synchronized SeriesPoints window(long from, long to, int columns) {
        return window(from, to, columns, 0L);
    }

    /**
     * As {@link #window(long, long, int)}, in columns of {@code keptWidth} ms while they fit
     * ({@link ColumnGrid#of(long, long, int, long)}): the reference that {@link SeriesColumns} must equal.
     */
    synchronized SeriesPoints window(long from, long to, int columns, long keptWidth) {
        return window(from, to, columns, ColumnGrid.of(from, to, columns, keptWidth), this::decimate);
    }

    /** As {@link #window(long, long, int)}, but folding into the columns of the previous read only what is new. */
    synchronized SeriesPoints window(long from, long to, int columns, SeriesColumns kept) {
        return window(from, to, columns, ColumnGrid.of(from, to, columns, kept.width()), grid -> kept.read(this, grid));
    }

    private SeriesPoints window(long from, long to, int columns, ColumnGrid grid,
            Function<ColumnGrid, SeriesPoints> decimation) {
        if (size == 0 || to < from) {
            return SeriesPoints.EMPTY;
        }
        int first = Math.max(0, lowerBound(from) - 1);
        int end = Math.min(size, upperBound(to) + 1);
        int count = end - first;
        if (count <= 0) {
            return SeriesPoints.EMPTY;
        }
        if (count <= (long) columns * ColumnRun.POINTS_PER_COLUMN) {
            long[] outTimes = new long[count];
            double[] outValues = new double[count];
            copy(first, count, outTimes, outValues);
            return new SeriesPoints(outTimes, outValues, count, count);
        }
        return decimation.apply(grid);
    }

    /** The grid's columns folded from every point they cover, with the point just outside each end. */
    private SeriesPoints decimate(ColumnGrid grid) {
        int first = Math.max(0, lowerBound(grid.start()) - 1);
        int end = Math.min(size, lowerBound(grid.end()) + 1);
        ColumnRun run = new ColumnRun(grid.width());
        for (int i = first; i < end; i++) {
            int at = physical(i);
            run.add(firstSeq() + i, times[at], values[at]);
        }
        PointsBuilder out = new PointsBuilder(run.maxPoints());
        run.emitTo(out);
        return out.build(end - first);
    }

    // What SeriesColumns reads, under the lock window() holds: points by sequence number, the
    // number of points ever added before them, which stays with a point while the ring moves on.

    /** The sequence number of the oldest retained point. */
    long firstSeq() {
        return added - size;
    }

    /** The sequence number the next point will get. */
    long endSeq() {
        return added;
    }

    /** The sequence number of the first retained point at or after {@code time}. */
    long seqAt(long time) {
        return firstSeq() + lowerBound(time);
    }

    long time(long seq) {
        return times[physical((int) (seq - firstSeq()))];
    }

    double value(long seq) {
        return values[physical((int) (seq - firstSeq()))];
    }

    /** Every point in {@code [from, to]}, not thinned (for export). */
    synchronized SeriesPoints all(long from, long to) {
        if (size == 0 || to < from) {
            return SeriesPoints.EMPTY;
        }
        int first = lowerBound(from);
        int count = upperBound(to) - first;
        if (count <= 0) {
            return SeriesPoints.EMPTY;
        }
        long[] outTimes = new long[count];
        double[] outValues = new double[count];
        copy(first, count, outTimes, outValues);
        return new SeriesPoints(outTimes, outValues, count, count);
    }

    private void copy(int first, int count, long[] outTimes, double[] outValues) {
        int at = physical(first);
        int head = Math.min(count, times.length - at);
        System.arraycopy(times, at, outTimes, 0, head);
        System.arraycopy(values, at, outValues, 0, head);
        if (head < count) {
            System.arraycopy(times, 0, outTimes, head, count - head);
            System.arraycopy(values, 0, outValues, head, count - head);
        }
    }

    /** The logical index of the first point at or after {@code time}. */
    private int lowerBound(long time) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (times[physical(middle)] < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The logical index of the first point after {@code time}. */
    private int upperBound(long time) {
        return time == Long.MAX_VALUE ? size : lowerBound(time + 1);
    }

    @Override
    public synchronized String toString() {
        return "SeriesRing[" + size + "/" + capacity + " " + Arrays.toString(Arrays.copyOf(times, Math.min(4, size))) + "...]";
    }
}
