package io.fieldbench.chart.ui;

import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.util.Date;

import javax.swing.JLabel;

import org.jfree.chart.ChartMouseEvent;
import org.jfree.chart.ChartMouseListener;
import org.jfree.chart.ui.RectangleEdge;

/** The time and value under the mouse, read off the plot's axes (and the right axis while it shows). */
final class Readout implements ChartMouseListener {

    private final ChartPlot plot;
    private final JLabel label = new JLabel(" ");

    /** A readout of this plot; it reads once added as a mouse listener of the plot's panel. */
    Readout(ChartPlot plot) {
        this.plot = plot;
        label.setName("readout");
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
        Rectangle2D area = plot.panel().getScreenDataArea();
        int x = event.getTrigger().getX();
        int y = event.getTrigger().getY();
        if (!area.contains(x, y)) {
            label.setText(" ");
            return;
        }
        double time = plot.timeAxis().java2DToValue(x, area, RectangleEdge.BOTTOM);
        double value = plot.valueAxis().java2DToValue(y, area, RectangleEdge.LEFT);
        String text = new SimpleDateFormat("HH:mm:ss.SSS").format(new Date((long) time))
                + "   " + String.format("%.4g", value);
        if (plot.rightAxis().isVisible()) {
            text += "   right " + String.format("%.4g", plot.rightAxis().java2DToValue(y, area, RectangleEdge.RIGHT));
        }
        label.setText(text + " ");
    }
}
