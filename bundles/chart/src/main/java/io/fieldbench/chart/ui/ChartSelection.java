package io.fieldbench.chart.ui;

import java.util.List;
import java.util.Set;

import io.fieldbench.chart.internal.SeriesKey;

/**
 * What one chart view shows, as remembered across restarts.
 *
 * @param id     the view id, {@code chart-N}
 * @param series the checked channels, in the order they were checked
 * @param window the time window
 * @param right  the channels drawn against the second (right-hand) value axis, because their range
 *               is far from the others'; checked or not, so unchecking and checking again keeps the axis
 */
record ChartSelection(String id, List<SeriesKey> series, TimeWindow window, Set<SeriesKey> right) {

    ChartSelection {
        series = List.copyOf(series);
        right = Set.copyOf(right);
    }

    /** A selection with every channel on the left axis. */
    ChartSelection(String id, List<SeriesKey> series, TimeWindow window) {
        this(id, series, window, Set.of());
    }

    static ChartSelection empty(String id) {
        return new ChartSelection(id, List.of(), TimeWindow.ONE_MINUTE);
    }

    ChartSelection withSeries(List<SeriesKey> checked) {
        return new ChartSelection(id, checked, window, right);
    }

    ChartSelection withWindow(TimeWindow shown) {
        return new ChartSelection(id, series, shown, right);
    }

    ChartSelection withRight(Set<SeriesKey> onTheRight) {
        return new ChartSelection(id, series, window, onTheRight);
    }

    /** Whether the channel is drawn against the right-hand axis. */
    boolean onRight(SeriesKey key) {
        return right.contains(key);
    }

    /** The right-axis channels in a stable order, for writing. */
    List<SeriesKey> rightInOrder() {
        return right.stream().sorted().toList();
    }
}
