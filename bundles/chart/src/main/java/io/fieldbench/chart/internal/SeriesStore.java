package io.fieldbench.chart.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongBinaryOperator;
import java.util.function.ToLongFunction;

import io.fieldbench.api.sample.Sample;

/**
 * The points every chart view draws from: one {@link SeriesRing} per device and channel, each
 * keeping the newest {@code retention} points. One thread appends; any thread reads.
 * <p>
 * What the EDT reads every refresh ({@link #version}, {@link #oldest}, {@link #newest},
 * {@link #size}, {@link #usage}, {@link #keys}, {@link #replaying}) never waits for a lock: the
 * counts and time bounds are the summaries each ring publishes at the end of a batch, before the
 * version moves on. Only the points themselves ({@link #window}, {@link #points},
 * {@link ChartColumns#read}) are read under a ring's lock, on the draw worker.
 */
public final class SeriesStore {

    private final int retention;
    private final Map<SeriesKey, SeriesRing> rings = new ConcurrentHashMap<>();
    private final Set<SeriesKey> keys = new ConcurrentSkipListSet<>();
    /** Series whose latest batch was a recording played back. */
    private final Set<SeriesKey> replaying = ConcurrentHashMap.newKeySet();
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();

    /** @param retention the points kept per series */
    public SeriesStore(int retention) {
        if (retention < 1) {
            throw new IllegalArgumentException("retention must be at least 1: " + retention);
        }
        this.retention = retention;
    }

    /** Files every numeric channel of every sample under its device, at the sample's receive time: live data. */
    public void append(List<Sample> samples) {
        append(samples, false);
    }

    /**
     * Files every numeric channel of every sample under its device, at the sample's receive time.
     * A replayed batch marks its series as {@link #replaying}; a live batch clears the mark.
     */
    public void append(List<Sample> samples, boolean replay) {
        Map<SeriesKey, SeriesRing> touched = new HashMap<>();
        long added = 0;
        for (Sample sample : samples) {
            long time = sample.receivedAt().toEpochMilli();
            for (Map.Entry<String, Double> channel : sample.channels().entrySet()) {
                Double value = channel.getValue();
                if (value != null) {
                    SeriesKey key = new SeriesKey(sample.deviceId(), channel.getKey());
                    SeriesRing ring = touched.get(key);
                    if (ring == null) {
                        ring = ring(key);
                        touched.put(key, ring);
                    }
                    ring.add(time, value);
                    added++;
                }
            }
        }
        for (Map.Entry<SeriesKey, SeriesRing> series : touched.entrySet()) {
            series.getValue().publish();
            if (replay) {
                replaying.add(series.getKey());
            } else {
                replaying.remove(series.getKey());
            }
        }
        appended.addAndGet(added);
        version.incrementAndGet();
    }

    private SeriesRing ring(SeriesKey key) {
        SeriesRing ring = rings.get(key);
        if (ring == null) {
            ring = rings.computeIfAbsent(key, k -> new SeriesRing(retention));
            keys.add(key);
        }
        return ring;
    }

    /** The ring of a series, or null before its first point (tests hold its lock as the draw worker does). */
    SeriesRing existing(SeriesKey key) {
        return rings.get(key);
    }

    /** Every series that received a point, by device then channel. */
    public List<SeriesKey> keys() {
        return new ArrayList<>(keys);
    }

    /** Whether the latest points of any of these series came from a replay rather than live. */
    public boolean replaying(Iterable<SeriesKey> series) {
        if (replaying.isEmpty()) {
            return false;
        }
        for (SeriesKey key : series) {
            if (replaying.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Grows with every append: a reader that saw the same version has nothing new to read. */
    public long version() {
        return version.get();
    }

    public int retention() {
        return retention;
    }

    /**
     * The points of a series in {@code [from, to]}, thinned for a plot {@code columns} pixels wide
     * by a pass over all of them: what a chart's {@link ChartColumns} draws from the columns it
     * kept, at the cost of a decimation from scratch.
     */
    public SeriesPoints window(SeriesKey key, long from, long to, int columns) {
        SeriesRing ring = rings.get(key);
        return ring == null ? SeriesPoints.EMPTY : ring.window(from, to, columns);
    }

    /** Every retained point of a series in {@code [from, to]}. */
    public SeriesPoints points(SeriesKey key, long from, long to) {
        SeriesRing ring = rings.get(key);
        return ring == null ? SeriesPoints.EMPTY : ring.all(from, to);
    }

    /** The retained points of a series. */
    public int size(SeriesKey key) {
        SeriesRing ring = rings.get(key);
        return ring == null ? 0 : ring.summary().size();
    }

    /** The oldest retained time of these series, or {@link Long#MAX_VALUE} when they hold none. */
    public long oldest(Iterable<SeriesKey> series) {
        return across(series, Long.MAX_VALUE, SeriesRing.Summary::oldest, Math::min);
    }

    /** The newest retained time of these series, or {@link Long#MIN_VALUE} when they hold none. */
    public long newest(Iterable<SeriesKey> series) {
        return across(series, Long.MIN_VALUE, SeriesRing.Summary::newest, Math::max);
    }

    /** One figure of each series' summary, folded into {@code none} by {@code fold}. */
    private long across(Iterable<SeriesKey> series, long none, ToLongFunction<SeriesRing.Summary> figure,
            LongBinaryOperator fold) {
        long result = none;
        for (SeriesKey key : series) {
            SeriesRing ring = rings.get(key);
            if (ring != null) {
                result = fold.applyAsLong(result, figure.applyAsLong(ring.summary()));
            }
        }
        return result;
    }

    /** What the store holds now. */
    public StoreUsage usage() {
        long points = 0;
        long bytes = 0;
        long evicted = 0;
        for (SeriesRing ring : rings.values()) {
            SeriesRing.Summary summary = ring.summary();
            points += summary.size();
            bytes += summary.bytes();
            evicted += summary.evicted();
        }
        return new StoreUsage(rings.size(), points, bytes, evicted, appended.get());
    }
}
