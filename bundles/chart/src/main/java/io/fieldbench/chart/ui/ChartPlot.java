package io.fieldbench.chart.ui;

import java.awt.Color;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Map;

import javax.swing.UIManager;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

import io.fieldbench.chart.internal.SeriesKey;

/**
 * The plot of a chart pane: a time axis, a value axis on the left and one on the right (shown only
 * while a series is drawn against it), each with its dataset and {@link PolylineRenderer}, themed
 * like the rest of the workbench, in a {@link PanningChartPanel}, with a {@link CompactLegend}. It draws an {@link AxisSplit}
 * in one change. On the EDT only, like every JFreeChart object.
 */
final class ChartPlot {

    /** The legend entry of a right-axis series ends with this. */
    static final String RIGHT_LEGEND = " (right axis)";
    /** While the right axis is in use, the legend entry of a left-axis series ends with this. */
    static final String LEFT_LEGEND = " (left axis)";
    /** The plot's index of the right axis, its dataset and its renderer. */
    private static final int RIGHT = 1;
    /** Columns to decimate for before the plot has been laid out. */
    private static final int MIN_COLUMNS = 1_000;
    private static final double GRID_SHARE = 0.18;

    private final DrawnDataset dataset = new DrawnDataset();
    private final DrawnDataset rightDataset = new DrawnDataset(RIGHT_LEGEND);
    private final DateAxis timeAxis = new DateAxis();
    private final NumberAxis valueAxis = new NumberAxis();
    private final NumberAxis rightAxis = new NumberAxis();
    private final PolylineRenderer renderer = new PolylineRenderer();
    private final PolylineRenderer rightRenderer = new PolylineRenderer();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final CompactLegend legend;
    private final PanningChartPanel panel;
    /** The series the renderers' paints were set for: set again only when they change. */
    private List<SeriesKey> paintedLeft = List.of();
    private List<SeriesKey> paintedRight = List.of();

    ChartPlot() {
        timeAxis.setLowerMargin(0);
        timeAxis.setUpperMargin(0);
        timeAxis.setDateFormatOverride(new SimpleDateFormat("HH:mm:ss"));
        valueAxis.setAutoRangeIncludesZero(false);
        rightAxis.setAutoRangeIncludesZero(false);
        rightAxis.setVisible(false);
        plot = new XYPlot(dataset, timeAxis, valueAxis, renderer);
        plot.setRangeAxis(RIGHT, rightAxis);
        plot.setRangeAxisLocation(RIGHT, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(RIGHT, rightDataset);
        plot.setRenderer(RIGHT, rightRenderer);
        plot.mapDatasetToRangeAxis(RIGHT, RIGHT);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        legend = new CompactLegend(plot);
        chart.addLegend(legend);
        chart.setAntiAlias(false);
        theme();
        panel = new PanningChartPanel(chart);
        panel.setName("plot");
        // no entity per drawn point: the readout reads the axes, and tooltips are off
        panel.getChartRenderingInfo().setEntityCollection(null);
    }

    private void theme() {
        Color background = UIManager.getColor("Panel.background");
        Color foreground = UIManager.getColor("Label.foreground");
        if (background == null || foreground == null) {
            return;
        }
        Color grid = mix(background, foreground, GRID_SHARE);
        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background.darker());
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setOutlinePaint(grid);
        for (var axis : List.of(timeAxis, valueAxis, rightAxis)) {
            axis.setTickLabelPaint(foreground);
            axis.setLabelPaint(foreground);
            axis.setAxisLinePaint(grid);
            axis.setTickMarkPaint(grid);
        }
        legend.setBackgroundPaint(background);
        legend.setItemPaint(foreground);
    }

    private static Color mix(Color a, Color b, double share) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * share),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * share),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * share));
    }

    JFreeChart chart() {
        return chart;
    }

    CompactLegend legend() {
        return legend;
    }

    PanningChartPanel panel() {
        return panel;
    }

    DateAxis timeAxis() {
        return timeAxis;
    }

    NumberAxis valueAxis() {
        return valueAxis;
    }

    NumberAxis rightAxis() {
        return rightAxis;
    }

    /** The time range the plot shows now. */
    Range visibleRange() {
        return timeAxis.getRange();
    }

    /** The pixel columns to decimate for: the data area's width once laid out. */
    int columns() {
        int columns = (int) panel.getScreenDataArea().getWidth();
        return columns < MIN_COLUMNS ? Math.max(MIN_COLUMNS, panel.getWidth()) : columns;
    }

    /**
     * Replaces what is drawn on each axis. The right axis, its label and the legend's axis names
     * show only while a series is drawn against it. The caller holds the chart's notifications.
     */
    void draw(AxisSplit split) {
        paintedLeft = paint(renderer, split.leftKeys(), paintedLeft);
        paintedRight = paint(rightRenderer, split.rightKeys(), paintedRight);
        boolean twoAxes = split.twoAxes();
        rightAxis.setVisible(twoAxes);
        valueAxis.setLabel(twoAxes ? "left axis" : null);
        rightAxis.setLabel(twoAxes ? "right axis" : null);
        dataset.legendSuffix(twoAxes ? LEFT_LEGEND : "");
        dataset.replace(split.leftKeys(), split.leftPoints());
        rightDataset.replace(split.rightKeys(), split.rightPoints());
    }

    /** Sets the renderer's series paints when its series changed; returns the series painted. */
    private static List<SeriesKey> paint(PolylineRenderer target, List<SeriesKey> keys, List<SeriesKey> painted) {
        if (keys.equals(painted)) {
            return painted;
        }
        for (int i = 0; i < keys.size(); i++) {
            target.setSeriesPaint(i, SeriesColors.of(keys.get(i)), false);
        }
        return List.copyOf(keys);
    }

    /** What the left axis draws, by {@code device / channel} (a test hook). */
    Map<String, List<double[]>> leftDrawn() {
        return dataset.snapshot();
    }

    /** What the right axis draws, by {@code device / channel} (a test hook). */
    Map<String, List<double[]>> rightDrawn() {
        return rightDataset.snapshot();
    }
}
