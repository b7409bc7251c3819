package io.fieldbench.chart.ui;

import java.util.List;

import io.fieldbench.chart.internal.SeriesKey;

/**
 * What one chart view shows, as remembered across restarts.
 *
 * @param id     the view id, {@code chart-N}
 * @param series the checked channels, in the order they were checked
 * @param window the time window
 */
record ChartSelection(String id, List<SeriesKey> series, TimeWindow window) {

    ChartSelection {
        series = List.copyOf(series);
    }

    static ChartSelection empty(String id) {
        return new ChartSelection(id, List.of(), TimeWindow.ONE_MINUTE);
    }

    ChartSelection withSeries(List<SeriesKey> checked) {
        return new ChartSelection(id, checked, window);
    }

    ChartSelection withWindow(TimeWindow shown) {
        return new ChartSelection(id, series, shown);
    }
}
