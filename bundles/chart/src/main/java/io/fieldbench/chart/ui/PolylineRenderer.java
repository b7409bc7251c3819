package io.fieldbench.chart.ui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/**
 * Draws each series as one thin polyline in whole pixels, as cheaply as Java2D
 * allows: the points are mapped to pixels once, runs that land on the same pixel collapse to one
 * point, and the line is one {@code drawPolyline} with a 1-pixel stroke (the fast, non-antialiased
 * line path; a wider stroke goes through the general shape rasteriser and costs several times
 * more). No shapes, no per-point entities, one pass.
 * <p>
 * It keeps XYLineAndShapeRenderer's legend and series paints. Its buffers are reused from frame
 * to frame; like every JFreeChart renderer it is used by one thread only (its {@link ChartFigure}'s).
 */
final class PolylineRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;
    /** Pixels beyond the plot a point may lie before it is pulled in (Java2D misdraws huge coordinates). */
    private static final int OUTSIDE_LIMIT = 10_000;
    private static final Stroke THIN = new BasicStroke(1f);

    private transient int[] xs = new int[4096];
    private transient int[] ys = new int[4096];

    PolylineRenderer() {
        super(true, false);
        setDefaultStroke(THIN, false);
        setAutoPopulateSeriesStroke(false);
    }

    @Override
    public int getPassCount() {
        return 1;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        // the whole series is drawn when the plot asks for its first visible item
        if (item != state.getFirstItemIndex() || !getItemVisible(series, item)) {
            return;
        }
        int last = Math.min(state.getLastItemIndex(), dataset.getItemCount(series) - 1);
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        boolean horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
        double low = -OUTSIDE_LIMIT;
        double high = Math.max(dataArea.getMaxX(), dataArea.getMaxY()) + OUTSIDE_LIMIT;
        g2.setPaint(lookupSeriesPaint(series));
        g2.setStroke(lookupSeriesStroke(series));
        ensureRoom(last - item + 1);
        int count = 0;
        for (int i = item; i <= last; i++) {
            double x = dataset.getXValue(series, i);
            double y = dataset.getYValue(series, i);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                // a gap: draw what came before it
                draw(g2, count);
                count = 0;
                continue;
            }
            double px = domainAxis.valueToJava2D(x, dataArea, xEdge);
            double py = rangeAxis.valueToJava2D(y, dataArea, yEdge);
            int ix = (int) Math.round(Math.max(low, Math.min(high, horizontal ? py : px)));
            int iy = (int) Math.round(Math.max(low, Math.min(high, horizontal ? px : py)));
            if (count > 0 && xs[count - 1] == ix && ys[count - 1] == iy) {
                continue;
            }
            xs[count] = ix;
            ys[count] = iy;
            count++;
        }
        draw(g2, count);
    }

    /** Makes the buffers hold at least this many pixels: a series' points, once per series rather than per point. */
    private void ensureRoom(int points) {
        if (xs.length < points) {
            xs = new int[points];
            ys = new int[points];
        }
    }

    private void draw(Graphics2D g2, int count) {
        if (count == 1) {
            g2.drawLine(xs[0], ys[0], xs[0], ys[0]);
        } else if (count > 1) {
            g2.drawPolyline(xs, ys, count);
        }
    }
}
