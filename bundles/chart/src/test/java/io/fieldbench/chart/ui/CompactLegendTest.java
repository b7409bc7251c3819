package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.Test;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesPoints;

/** Many series leave the plot its height: the legend shows what fits and "+N more". */
class CompactLegendTest {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final long START = 1_700_000_000_000L;

    @Test
    void fortySeriesLeaveThePlotMostOfTheHeight() {
        ChartPlot plot = plotOf(40);

        Rectangle2D data = drawn(plot);

        assertTrue(data.getHeight() >= 0.7 * HEIGHT, "the plot is " + data.getHeight() + " px of " + HEIGHT);
        assertTrue(data.getMinY() < 0.05 * HEIGHT, "the legend is above the plot, not below it: " + data);
        LegendItemCollection shown = plot.legend().shownItems();
        int last = shown.getItemCount() - 1;
        assertTrue(shown.getItemCount() < 40, "every entry shows: " + shown.getItemCount());
        assertEquals("+" + (40 - last) + " more", shown.get(last).getLabel());
    }

    @Test
    void aFewSeriesShowEveryEntry() {
        ChartPlot plot = plotOf(3);

        drawn(plot);

        LegendItemCollection shown = plot.legend().shownItems();
        assertEquals(3, shown.getItemCount());
        assertEquals(label(2), shown.get(2).getLabel());
    }

    /** A plot drawing this many series with the long names real devices have. */
    private static ChartPlot plotOf(int series) {
        List<SeriesKey> keys = new ArrayList<>();
        List<SeriesPoints> points = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            keys.add(key(i));
            points.add(new SeriesPoints(new long[] {START, START + 1000}, new double[] {i, i + 1}, 2, 2));
        }
        ChartPlot plot = new ChartPlot();
        plot.draw(AxisSplit.of(new ChartSelection("chart-1", keys, TimeWindow.ONE_MINUTE), keys, points), false);
        return plot;
    }

    private static SeriesKey key(int i) {
        return new SeriesKey("bench-controller-" + (i / 10), String.format("thermocouple_%02d", i));
    }

    private static String label(int i) {
        return key(i).label();
    }

    /** Draws the chart as the panel would and returns the plot's data area. */
    private static Rectangle2D drawn(ChartPlot plot) {
        BufferedImage picture = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = picture.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        try {
            plot.chart().draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), info);
        } finally {
            g2.dispose();
        }
        return info.getPlotInfo().getDataArea();
    }
}
