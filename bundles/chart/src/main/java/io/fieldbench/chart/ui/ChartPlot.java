package io.fieldbench.chart.ui;

import java.awt.Dimension;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.Range;

/**
 * The plot of a chart pane: the EDT's {@link ChartFigure} in a {@link PanningChartPanel}. The
 * panel shows the picture the draw worker drew ({@link OffscreenChart}) while it is what the figure
 * shows, and draws the figure itself only when it is not (the user zoomed or resized since the
 * request, or the picture is still to come). On the EDT only, like every JFreeChart object.
 */
final class ChartPlot {

    /** Columns to decimate for before the plot has been laid out. */
    private static final int MIN_COLUMNS = 1_000;

    private final ChartFigure figure = new ChartFigure();
    private final PanningChartPanel panel;

    ChartPlot() {
        panel = new PanningChartPanel(figure.chart());
        panel.setName("plot");
        // no entity per drawn point: the readout reads the axes, and tooltips are off
        panel.getChartRenderingInfo().setEntityCollection(null);
    }

    /** The EDT's figure. */
    ChartFigure figure() {
        return figure;
    }

    JFreeChart chart() {
        return figure.chart();
    }

    CompactLegend legend() {
        return figure.legend();
    }

    PanningChartPanel panel() {
        return panel;
    }

    DateAxis timeAxis() {
        return figure.timeAxis();
    }

    NumberAxis valueAxis() {
        return figure.valueAxis();
    }

    NumberAxis rightAxis() {
        return figure.rightAxis();
    }

    /** The time range the plot shows now. */
    Range visibleRange() {
        return figure.timeAxis().getRange();
    }

    /** The pixel columns to decimate for: the data area's width once laid out. */
    int columns() {
        int columns = (int) panel.getScreenDataArea().getWidth();
        return columns < MIN_COLUMNS ? Math.max(MIN_COLUMNS, panel.getWidth()) : columns;
    }

    /**
     * What the worker is to draw for the panel as it is now, or null while the panel is not on
     * screen (its picture is then drawn when it shows, by the panel itself).
     */
    OffscreenChart.Scene scene(ChartSelection selection) {
        Dimension size = panel.drawSize();
        if (!panel.isShowing() || size.width < 1 || size.height < 1) {
            return null;
        }
        return new OffscreenChart.Scene(size.width, size.height, selection, fixedRange(figure.valueAxis()),
                fixedRange(figure.rightAxis()));
    }

    private static Range fixedRange(NumberAxis axis) {
        return axis.isAutoRange() ? null : axis.getRange();
    }

    /**
     * Replaces what is drawn on each axis (see {@link ChartFigure#show}). The caller holds the
     * chart's notifications.
     */
    void draw(AxisSplit split, boolean replay) {
        figure.show(split, replay);
    }

    /** Shows the worker's picture if it is what the figure shows now; otherwise the panel draws the figure. */
    void show(OffscreenChart.Picture picture) {
        Dimension size = panel.drawSize();
        panel.show(picture != null && picture.shows(figure, size.width, size.height) ? picture : null);
    }

    /** What the left axis draws, by {@code device / channel} (a test hook). */
    Map<String, List<double[]>> leftDrawn() {
        return figure.leftDrawn();
    }

    /** What the right axis draws, by {@code device / channel} (a test hook). */
    Map<String, List<double[]>> rightDrawn() {
        return figure.rightDrawn();
    }
}
