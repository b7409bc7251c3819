package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.event.MouseEvent;

import javax.swing.JLabel;

import org.jfree.chart.ChartMouseEvent;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

/** The mouse readout follows the plot, says what the mouse does when off it, and never covers the status. */
class ReadoutTest {

    private static final long START = 1_700_000_000_000L;

    @Test
    void theReadingFollowsAScrollingChartAndGivesWayToTheHintOffThePlot() {
        ChartPlot plot = new ChartPlot();
        plot.timeAxis().setRange(new Range(START, START + 60_000));
        PanningChartPanel panel = PaintedPanels.laidOut(plot);
        Readout readout = new Readout(plot);
        assertEquals(Readout.HINT, readout.label().getText(), "before the mouse came");

        Rectangle area = panel.getScreenDataArea().getBounds();
        readout.chartMouseMoved(new ChartMouseEvent(plot.chart(),
                mouse(panel, MouseEvent.MOUSE_MOVED, (int) area.getCenterX(), (int) area.getCenterY()), null));
        String reading = readout.label().getText();
        assertTrue(reading.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"), reading);

        plot.timeAxis().setRange(new Range(START + 10_000, START + 70_000));  // the chart scrolled on
        readout.refresh();
        assertNotEquals(reading, readout.label().getText(), "the reading froze while the chart scrolled");

        readout.mouseExited(mouse(panel, MouseEvent.MOUSE_EXITED, 0, 0));
        assertEquals(Readout.HINT, readout.label().getText(), "the last reading stayed after the mouse left");

        plot.panel().boxZoom(true);
        readout.refresh();
        assertEquals(Readout.BOX_HINT, readout.label().getText(), "the hint does not say that Box zoom is on");
    }

    @Test
    void aLongStatusIsCutShortBesideTheReadoutNotPrintedOverIt() {
        JLabel status = new JLabel("40 series · 4 000 000 points · 61.0 MiB · retention 100 000 per series"
                + " · dropped 12 345 · replay · zoomed (Reset zoom to scroll)");
        Readout readout = new Readout(new ChartPlot());
        StatusBar bar = new StatusBar(status, readout.label());
        bar.setSize(560, bar.getPreferredSize().height);
        bar.doLayout();

        Rectangle text = status.getBounds();
        Rectangle reading = readout.label().getBounds();
        assertFalse(text.intersects(reading), "status " + text + " runs into the readout " + reading);
        assertEquals(readout.label().getPreferredSize().width, reading.width, "the readout is squeezed");
        assertTrue(text.x + text.width <= reading.x, "the status does not end left of the readout");
    }

    private static MouseEvent mouse(PanningChartPanel panel, int id, int x, int y) {
        return new MouseEvent(panel, id, System.currentTimeMillis(), 0, x, y, 0, false);
    }
}
