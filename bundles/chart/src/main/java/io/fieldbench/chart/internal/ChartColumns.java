package io.fieldbench.chart.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one chart keeps of its previous read: the decimated columns of each series it draws
 * ({@link SeriesColumns}), so that the next read folds in only what is new. A series no longer
 * read is forgotten. For the one thread that reads for the chart, one read at a time.
 */
public final class ChartColumns {

    private final Map<SeriesKey, SeriesColumns> kept = new HashMap<>();

    /** The points of these series in {@code [from, to]}, thinned for a plot {@code columns} pixels wide. */
    public List<SeriesPoints> read(SeriesStore store, List<SeriesKey> keys, long from, long to, int columns) {
        kept.keySet().retainAll(keys);
        List<SeriesPoints> points = new ArrayList<>(keys.size());
        for (SeriesKey key : keys) {
            SeriesRing ring = store.existing(key);
            points.add(ring == null ? SeriesPoints.EMPTY
                    : ring.window(from, to, columns, kept.computeIfAbsent(key, k -> new SeriesColumns())));
        }
        return points;
    }
}
