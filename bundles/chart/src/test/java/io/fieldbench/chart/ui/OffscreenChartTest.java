package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesPoints;

/**
 * The picture the draw worker draws is exactly what the EDT's chart draws itself, and the panel
 * shows it only while its chart shows the same.
 */
class OffscreenChartTest {

    private static final int WIDTH = PaintedPanels.WIDTH;
    private static final int HEIGHT = PaintedPanels.HEIGHT;
    private static final long START = 1_700_000_000_000L;
    private static final Range TIME = new Range(START, START + 60_000);
    private static final SeriesKey SINE = new SeriesKey("dev-1", "sine");
    private static final SeriesKey RAMP = new SeriesKey("dev-2", "ramp");
    private static final List<SeriesKey> KEYS = List.of(SINE, RAMP);
    /** The ramp is drawn against the right axis: both axes, both datasets. */
    private static final ChartSelection SELECTION = new ChartSelection("chart-1", KEYS, TimeWindow.ONE_MINUTE,
            Set.of(RAMP));
    private static final List<SeriesPoints> POINTS = List.of(sine(), ramp());

    private final ChartPlot plot = new ChartPlot();
    private final OffscreenChart offscreen = new OffscreenChart(new ChartFigure());

    @Test
    void theWorkersPictureIsPixelForPixelWhatTheChartDrawsItself() {
        showOnTheEdtChart();

        OffscreenChart.Picture picture = offscreen.draw(scene(null), TIME, KEYS, POINTS, true);

        assertArrayEquals(pixels(drawnByTheEdtChart()), pixels(picture.image()));
        assertTrue(picture.shows(plot.figure(), WIDTH, HEIGHT));
    }

    @Test
    void aValueRangeTheUserFixedIsDrawnAsTheUserFixedIt() {
        showOnTheEdtChart();
        plot.valueAxis().setRange(-3, 3);

        OffscreenChart.Picture picture = offscreen.draw(scene(new Range(-3, 3)), TIME, KEYS, POINTS, true);

        assertArrayEquals(pixels(drawnByTheEdtChart()), pixels(picture.image()));
    }

    @Test
    void aPictureOfAnotherRangeSizeOrAxisChoiceIsNotWhatTheChartShows() {
        showOnTheEdtChart();
        OffscreenChart.Picture picture = offscreen.draw(scene(null), TIME, KEYS, POINTS, true);

        assertFalse(picture.shows(plot.figure(), WIDTH + 1, HEIGHT), "another size");
        plot.valueAxis().setRange(-3, 3);
        assertFalse(picture.shows(plot.figure(), WIDTH, HEIGHT), "a zoomed value axis");
        plot.valueAxis().setAutoRange(true);
        assertTrue(picture.shows(plot.figure(), WIDTH, HEIGHT), "autoscaled again");
        plot.draw(AxisSplit.of(new ChartSelection("chart-1", KEYS, TimeWindow.ONE_MINUTE), KEYS, POINTS), true);
        assertFalse(picture.shows(plot.figure(), WIDTH, HEIGHT), "every series on the left axis");
    }

    @Test
    void thePanelShowsThePictureUntilItsChartChanges() {
        showOnTheEdtChart();
        PanningChartPanel panel = PaintedPanels.laidOut(plot);
        OffscreenChart.Picture picture = offscreen.draw(scene(null), TIME, KEYS, POINTS, true);
        // marked, to tell the picture from the panel's own drawing of the same chart
        picture.image().setRGB(0, 0, Color.MAGENTA.getRGB());

        plot.show(picture);
        int shown = PaintedPanels.painted(panel).getRGB(0, 0);
        Rectangle2D dataArea = panel.getChartRenderingInfo().getPlotInfo().getDataArea();
        plot.timeAxis().setRange(TIME.getLowerBound(), TIME.getUpperBound() + 1);
        int afterAChange = PaintedPanels.painted(panel).getRGB(0, 0);

        assertEquals(Color.MAGENTA.getRGB(), shown);
        assertNotEquals(Color.MAGENTA.getRGB(), afterAChange);
        assertEquals(picture.info().getPlotInfo().getDataArea(), dataArea, "the mouse reads the picture's data area");
    }

    @Test
    void gridLinesAreSolid() {
        OffscreenChart.Picture picture = offscreen.draw(scene(null), TIME, List.of(), List.of(), false);
        Rectangle area = picture.info().getPlotInfo().getDataArea().getBounds();
        int grid = ((Color) plot.figure().chart().getXYPlot().getRangeGridlinePaint()).getRGB();

        int solidRows = 0;
        for (int y = area.y + 1; y < area.y + area.height - 1; y++) {
            int inGridColour = 0;
            for (int x = area.x + 1; x < area.x + area.width - 1; x++) {
                inGridColour += picture.image().getRGB(x, y) == grid ? 1 : 0;
            }
            solidRows += inGridColour == area.width - 2 ? 1 : 0;
        }

        assertTrue(solidRows >= 3, "rows of the data area wholly in the grid's colour: " + solidRows);
    }

    private void showOnTheEdtChart() {
        plot.draw(AxisSplit.of(SELECTION, KEYS, POINTS), true);
        plot.timeAxis().setRange(TIME, true, false);
    }

    private static OffscreenChart.Scene scene(Range left) {
        return new OffscreenChart.Scene(WIDTH, HEIGHT, SELECTION, left, null);
    }

    private BufferedImage drawnByTheEdtChart() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            plot.chart().draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g2.dispose();
        }
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static SeriesPoints sine() {
        return series(i -> Math.sin(i / 20.0));
    }

    private static SeriesPoints ramp() {
        return series(i -> 1000.0 + i);
    }

    private static SeriesPoints series(java.util.function.IntToDoubleFunction value) {
        int count = 600;
        long[] t = new long[count];
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = START + i * 100L;
            v[i] = value.applyAsDouble(i);
        }
        return new SeriesPoints(t, v, count, count);
    }
}
