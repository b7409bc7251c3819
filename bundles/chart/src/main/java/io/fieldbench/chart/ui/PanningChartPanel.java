package io.fieldbench.chart.ui;

import java.awt.Color;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;

import javax.swing.SwingUtilities;
import javax.swing.UIManager;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartChangeEvent;
import org.jfree.chart.plot.XYPlot;

/**
 * A chart panel where a plain drag pans (both axes) and the mouse wheel zooms, as in map and
 * scope tools; Shift+drag, or any drag while box zoom is on, draws a box and zooms to it, whichever
 * way it was drawn (JFreeChart's own box would reset the zoom when drawn up or to the left).
 * <p>
 * It shows a picture of its chart drawn on the draw worker ({@link #show}) until the chart changes;
 * without one, it draws the chart itself, on the EDT, as ChartPanel does.
 */
final class PanningChartPanel extends ChartPanel {

    private static final long serialVersionUID = 1L;
    /** A smaller box is a slip of the hand, not a zoom. */
    private static final int LEAST_BOX = 5;
    private static final int BOX_ALPHA = 48;

    private transient Point panLast;
    private double panWidth;
    private double panHeight;
    private transient Point boxStart;
    private transient Rectangle box;
    private boolean boxZoom;
    /** What the panel shows instead of drawing its chart, or null. */
    private transient OffscreenChart.Picture picture;

    PanningChartPanel(JFreeChart chart) {
        super(chart, false, false, false, false, false);
        setMouseWheelEnabled(true);
        setDomainZoomable(true);
        setRangeZoomable(true);
        // the chart is redrawn at most at the chart's refresh rate; never stretch an old picture
        setMaximumDrawWidth(Integer.MAX_VALUE);
        setMaximumDrawHeight(Integer.MAX_VALUE);
        setMinimumDrawWidth(0);
        setMinimumDrawHeight(0);
    }

    /** The size the chart is drawn at: the panel's, less its insets. */
    Dimension drawSize() {
        Insets insets = getInsets();
        return new Dimension(getWidth() - insets.left - insets.right, getHeight() - insets.top - insets.bottom);
    }

    /**
     * Shows this picture of the chart, drawn at {@link #drawSize}, until the chart changes; null:
     * the panel draws the chart itself. The mouse and the zoom then read where the picture's data area is.
     */
    void show(OffscreenChart.Picture shown) {
        picture = shown;
        if (shown != null) {
            ChartRenderingInfo info = getChartRenderingInfo();
            info.setChartArea(shown.info().getChartArea());
            info.getPlotInfo().setPlotArea(shown.info().getPlotInfo().getPlotArea());
            info.getPlotInfo().setDataArea(shown.info().getPlotInfo().getDataArea());
        }
        repaint();
    }

    /** The chart changed on the EDT (a zoom, a pan, new points): the picture no longer shows it. */
    @Override
    public void chartChanged(ChartChangeEvent event) {
        picture = null;
        super.chartChanged(event);
    }

    /** Whether a plain drag draws a zoom box rather than panning. */
    void boxZoom(boolean on) {
        boxZoom = on;
    }

    boolean boxZoom() {
        return boxZoom;
    }

    @Override
    public void mousePressed(MouseEvent e) {
        Rectangle2D area = getScreenDataArea();
        if (!SwingUtilities.isLeftMouseButton(e) || e.isPopupTrigger() || !area.contains(e.getPoint())) {
            super.mousePressed(e);
        } else if (boxZoom || e.isShiftDown()) {
            boxStart = e.getPoint();
            box = new Rectangle(boxStart);
        } else {
            panLast = e.getPoint();
            panWidth = area.getWidth();
            panHeight = area.getHeight();
            setCursor(Cursor.getPredefinedCursor(Cursor.MOVE_CURSOR));
        }
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        if (boxStart != null) {
            Rectangle area = getScreenDataArea().getBounds();
            Point end = new Point(Math.max(area.x, Math.min(e.getX(), area.x + area.width)),
                    Math.max(area.y, Math.min(e.getY(), area.y + area.height)));
            box = new Rectangle(boxStart);
            box.add(end);
            repaint();
        } else if (panLast != null) {
            pan(e.getPoint());
        } else {
            super.mouseDragged(e);
        }
    }

    private void pan(Point to) {
        double dx = to.getX() - panLast.getX();
        double dy = to.getY() - panLast.getY();
        if (dx == 0 && dy == 0) {
            return;
        }
        XYPlot plot = getChart().getXYPlot();
        boolean notify = plot.isNotify();
        plot.setNotify(false);
        plot.panDomainAxes(-dx / panWidth, getChartRenderingInfo().getPlotInfo(), panLast);
        plot.panRangeAxes(dy / panHeight, getChartRenderingInfo().getPlotInfo(), panLast);
        panLast = to;
        plot.setNotify(notify);
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        if (boxStart != null) {
            mouseDragged(e);
            Rectangle zoomTo = box;
            boxStart = null;
            box = null;
            repaint();
            if (zoomTo.width >= LEAST_BOX && zoomTo.height >= LEAST_BOX) {
                zoom(zoomTo);
            }
        } else if (panLast != null) {
            panLast = null;
            setCursor(Cursor.getDefaultCursor());
        } else {
            super.mouseReleased(e);
        }
    }

    @Override
    public void paintComponent(Graphics g) {
        OffscreenChart.Picture shown = picture;
        Dimension size = drawSize();
        if (shown != null && shown.image().getWidth() == size.width && shown.image().getHeight() == size.height) {
            Insets insets = getInsets();
            g.drawImage(shown.image(), insets.left, insets.top, null);
        } else {
            // no picture yet, or one of another size (the panel was resized since): draw here
            super.paintComponent(g);
        }
        Rectangle drawn = box;
        if (drawn != null) {
            Color accent = UIManager.getColor("Component.accentColor");
            Color color = accent != null ? accent : Color.BLUE;
            Graphics2D g2 = (Graphics2D) g.create();
            try {
                g2.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), BOX_ALPHA));
                g2.fill(drawn);
                g2.setColor(color);
                g2.draw(drawn);
            } finally {
                g2.dispose();
            }
        }
    }
}
