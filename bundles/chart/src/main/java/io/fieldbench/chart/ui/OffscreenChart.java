package io.fieldbench.chart.ui;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.Range;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesPoints;

/**
 * Draws a chart's picture on the draw worker, so that the EDT only copies it to the screen. The
 * worker has a {@link ChartFigure} of its own, set up as the EDT's chart was at the request (size,
 * axis choice, time range, value ranges the user fixed); it draws into two opaque images in turn:
 * the EDT shows the one drawn last while the worker draws the other, and the worker draws again only
 * after the EDT took the last picture (one redraw at a time, {@link RedrawSchedule}). On the
 * worker only.
 */
final class OffscreenChart {

    /**
     * What a picture is to look like besides its points, read on the EDT at the request.
     *
     * @param width     the panel's drawing width, pixels
     * @param height    its height
     * @param selection which series go on the right axis
     * @param left      the left value range the user fixed by zooming or panning, or null while it scales itself
     * @param right     likewise the right one
     */
    record Scene(int width, int height, ChartSelection selection, Range left, Range right) {
    }

    /**
     * A picture and what it shows; the EDT shows it only while its own chart shows the same.
     *
     * @param info      where the chart's parts were drawn: the panel's mouse and zoom read the data area
     * @param leftKeys  the series drawn against the left axis
     * @param rightKeys those against the right axis
     */
    record Picture(BufferedImage image, ChartRenderingInfo info, List<SeriesKey> leftKeys,
            List<SeriesKey> rightKeys, Range time, Range left, Range right) {

        /** Whether this is what the figure draws at this size now: the same series, on the same axes and ranges. */
        boolean shows(ChartFigure figure, int width, int height) {
            return image.getWidth() == width && image.getHeight() == height
                    && leftKeys.equals(figure.leftKeys()) && rightKeys.equals(figure.rightKeys())
                    && time.equals(figure.timeAxis().getRange()) && left.equals(figure.valueAxis().getRange())
                    && right.equals(figure.rightAxis().getRange());
        }
    }

    private final ChartFigure figure;
    private final BufferedImage[] images = new BufferedImage[2];
    private int next;

    /** Draws with this figure, which no other thread uses from now on. */
    OffscreenChart(ChartFigure figure) {
        this.figure = figure;
        // nothing listens to the worker's figure: one change event per setting would be wasted
        figure.chart().setNotify(false);
    }

    /** Draws these points over this time range as the scene says. */
    Picture draw(Scene scene, Range time, List<SeriesKey> keys, List<SeriesPoints> points, boolean replay) {
        AxisSplit split = AxisSplit.of(scene.selection(), keys, points);
        figure.show(split, replay);
        figure.timeAxis().setRange(time, true, false);
        fix(figure.valueAxis(), scene.left());
        fix(figure.rightAxis(), scene.right());
        BufferedImage image = image(scene.width(), scene.height());
        ChartRenderingInfo info = new ChartRenderingInfo(null);
        Graphics2D g2 = image.createGraphics();
        try {
            figure.chart().draw(g2, new Rectangle2D.Double(0, 0, scene.width(), scene.height()), null, info);
        } finally {
            g2.dispose();
        }
        return new Picture(image, info, split.leftKeys(), split.rightKeys(), figure.timeAxis().getRange(),
                figure.valueAxis().getRange(), figure.rightAxis().getRange());
    }

    private static void fix(NumberAxis axis, Range range) {
        if (range != null) {
            axis.setRange(range, true, false);
        } else if (!axis.isAutoRange()) {
            axis.setAutoRange(true);
        }
    }

    /** The image to draw into next: not the one drawn last, which the EDT may be showing. */
    private BufferedImage image(int width, int height) {
        next = 1 - next;
        BufferedImage image = images[next];
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            images[next] = image;
        }
        return image;
    }
}
