package io.fieldbench.chart.ui;

import java.awt.Dimension;
import java.awt.Point;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.util.Date;

import javax.swing.JLabel;
import javax.swing.UIManager;

import org.jfree.chart.ChartMouseEvent;
import org.jfree.chart.ChartMouseListener;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The time and value under the mouse, read off the plot's axes (and the right axis while it
 * shows), in a place of its own beside the status line. Read again after every redraw, so it
 * follows a chart that scrolls under a still mouse; with the mouse off the plot it says what the
 * mouse does there instead of keeping an old reading. On the EDT.
 */
final class Readout extends MouseAdapter implements ChartMouseListener {

    /** What the mouse does on the plot, shown while it is elsewhere. */
    static final String HINT = "Drag pans · Shift+drag zooms to a box · Wheel zooms";
    /** The same while Box zoom is on. */
    static final String BOX_HINT = "Drag zooms to a box · Wheel zooms";
    /** The widest reading, to size the label so it neither jumps nor runs into the status. */
    private static final String WIDEST = "00:00:00.000   -0.000e+00   right -0.000e+00 ";

    private final ChartPlot plot;
    private final JLabel label = new JLabel(HINT);
    /** Where the mouse is on the plot's panel, or null while it is outside. */
    private Point mouse;

    /** A readout that follows the mouse over this plot's panel. */
    Readout(ChartPlot plot) {
        this.plot = plot;
        label.setName("readout");
        label.setHorizontalAlignment(JLabel.RIGHT);
        var metrics = label.getFontMetrics(label.getFont());
        int width = Math.max(metrics.stringWidth(HINT), metrics.stringWidth(WIDEST)) + metrics.charWidth('0');
        label.setPreferredSize(new Dimension(width, label.getPreferredSize().height));
        label.setMinimumSize(label.getPreferredSize());
        plot.panel().addChartMouseListener(this);
        plot.panel().addMouseListener(this);
        plot.panel().addMouseMotionListener(this);
        refresh();
    }

    JLabel label() {
        return label;
    }

    @Override
    public void chartMouseClicked(ChartMouseEvent event) {
        // nothing: a click is the start of a pan
    }

    @Override
    public void chartMouseMoved(ChartMouseEvent event) {
        mouse = event.getTrigger().getPoint();
        refresh();
    }

    @Override
    public void mouseDragged(MouseEvent event) {
        mouse = event.getPoint();
        refresh();
    }

    @Override
    public void mouseExited(MouseEvent event) {
        mouse = null;
        refresh();
    }

    /** Reads the axes again at the last mouse position: after a redraw they may show other times. */
    void refresh() {
        Rectangle2D area = plot.panel().getScreenDataArea();
        if (mouse == null || !area.contains(mouse)) {
            label.setForeground(UIManager.getColor("Label.disabledForeground"));
            label.setText(plot.panel().boxZoom() ? BOX_HINT : HINT);
            return;
        }
        double time = plot.timeAxis().java2DToValue(mouse.x, area, RectangleEdge.BOTTOM);
        double value = plot.valueAxis().java2DToValue(mouse.y, area, RectangleEdge.LEFT);
        String text = new SimpleDateFormat("HH:mm:ss.SSS").format(new Date((long) time))
                + "   " + String.format("%.4g", value);
        if (plot.rightAxis().isVisible()) {
            text += "   right " + String.format("%.4g", plot.rightAxis().java2DToValue(mouse.y, area, RectangleEdge.RIGHT));
        }
        label.setForeground(UIManager.getColor("Label.foreground"));
        label.setText(text + " ");
    }
}
