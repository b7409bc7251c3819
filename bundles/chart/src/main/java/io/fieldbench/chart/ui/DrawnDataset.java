package io.fieldbench.chart.ui;

import java.util.ArrayList;
import java.util.List;

import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesPoints;

/**
 * What a chart draws now: per checked series the (decimated) points of the visible range. It is
 * replaced whole, at most once per refresh, with one change notification, by the thread that uses
 * its {@link ChartFigure}; JFreeChart reads it on that thread only.
 */
final class DrawnDataset extends AbstractXYDataset {

    private static final long serialVersionUID = 1L;

    /** Appended to each legend entry: which value axis the series is read against. */
    private String legendSuffix;
    private List<SeriesKey> keys = List.of();
    private List<SeriesPoints> points = List.of();

    /** A dataset whose legend entries are {@code device / channel}. */
    DrawnDataset() {
        this("");
    }

    /** A dataset whose legend entries are {@code device / channel} and then the suffix. */
    DrawnDataset(String legendSuffix) {
        this.legendSuffix = legendSuffix;
    }

    /** Changes what the legend entries end with; takes effect with the next {@link #replace}. */
    void legendSuffix(String suffix) {
        legendSuffix = suffix;
    }

    /** Replaces the content and notifies the chart once. */
    void replace(List<SeriesKey> newKeys, List<SeriesPoints> newPoints) {
        keys = List.copyOf(newKeys);
        points = List.copyOf(newPoints);
        fireDatasetChanged();
    }

    List<SeriesKey> keys() {
        return keys;
    }

    SeriesPoints points(int series) {
        return points.get(series);
    }

    /** The content as plain Java: legend text to {time, value} pairs (the test hook, see ChartPane). */
    java.util.Map<String, List<double[]>> snapshot() {
        java.util.Map<String, List<double[]>> snapshot = new java.util.LinkedHashMap<>();
        for (int s = 0; s < keys.size(); s++) {
            SeriesPoints series = points.get(s);
            List<double[]> pairs = new ArrayList<>(series.count());
            for (int i = 0; i < series.count(); i++) {
                pairs.add(new double[] {series.times()[i], series.values()[i]});
            }
            snapshot.put(keys.get(s).label(), pairs);
        }
        return snapshot;
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return keys.get(series).label() + legendSuffix;
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public int getItemCount(int series) {
        return points.get(series).count();
    }

    @Override
    public Number getX(int series, int item) {
        return points.get(series).times()[item];
    }

    @Override
    public double getXValue(int series, int item) {
        return points.get(series).times()[item];
    }

    @Override
    public Number getY(int series, int item) {
        return points.get(series).values()[item];
    }

    @Override
    public double getYValue(int series, int item) {
        return points.get(series).values()[item];
    }
}
