package io.fieldbench.chart.ui;

import java.awt.Cursor;
import java.awt.Point;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;

import javax.swing.SwingUtilities;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * A chart panel where a plain drag pans (both axes) and the mouse wheel zooms, as in map and
 * scope tools; shift-drag still draws JFreeChart's zoom rectangle.
 */
final class PanningChartPanel extends ChartPanel {

    private static final long serialVersionUID = 1L;

    private transient Point panLast;
    private double panWidth;
    private double panHeight;

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

    @Override
    public void mousePressed(MouseEvent e) {
        if (SwingUtilities.isLeftMouseButton(e) && !e.isShiftDown() && !e.isPopupTrigger()) {
            Rectangle2D area = getScreenDataArea();
            if (area.contains(e.getPoint())) {
                panLast = e.getPoint();
                panWidth = area.getWidth();
                panHeight = area.getHeight();
                setCursor(Cursor.getPredefinedCursor(Cursor.MOVE_CURSOR));
                return;
            }
        }
        super.mousePressed(e);
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        if (panLast == null) {
            super.mouseDragged(e);
            return;
        }
        double dx = e.getX() - panLast.getX();
        double dy = e.getY() - panLast.getY();
        if (dx == 0 && dy == 0) {
            return;
        }
        XYPlot plot = getChart().getXYPlot();
        boolean notify = plot.isNotify();
        plot.setNotify(false);
        plot.panDomainAxes(-dx / panWidth, getChartRenderingInfo().getPlotInfo(), panLast);
        plot.panRangeAxes(dy / panHeight, getChartRenderingInfo().getPlotInfo(), panLast);
        panLast = e.getPoint();
        plot.setNotify(notify);
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        if (panLast != null) {
            panLast = null;
            setCursor(Cursor.getDefaultCursor());
            return;
        }
        super.mouseReleased(e);
    }
}
