package io.fieldbench.chart.ui;

import java.util.List;

import org.jfree.data.Range;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesStore;

/**
 * The time range a scrolling chart shows: the last window up to now while the data is live, up to
 * the newest point of a replay or a silent device, or everything retained. It reads only the
 * store's lock-free time bounds, so the EDT can ask every refresh.
 */
final class ScrollingRange {

    /** The span shown by an "All" window that has no data yet. */
    static final long NO_DATA_SPAN_MILLIS = 60_000;

    private ScrollingRange() {
    }

    static Range of(SeriesStore store, List<SeriesKey> keys, TimeWindow window, long now) {
        long newest = store.newest(keys);
        if (window.isAll()) {
            long oldest = store.oldest(keys);
            if (oldest == Long.MAX_VALUE) {
                return new Range(now - NO_DATA_SPAN_MILLIS, now);
            }
            long end = Math.max(newest, now - 1);
            return new Range(oldest, Math.max(end, oldest + 1));
        }
        long span = window.millis();
        // live data scrolls with the clock; a replay or a silent device stays in view
        long end = newest == Long.MIN_VALUE || newest >= now - span ? now : newest;
        return new Range(end - span, end);
    }
}
