package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Rectangle;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;

import org.jfree.data.Range;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A drag pans; Shift+drag, or a drag with Box zoom on, zooms to the box, drawn whichever way. */
class BoxZoomTest {

    private static final long START = 1_700_000_000_000L;
    private static final double MINUTE = 60_000;
    /** A pixel of the plot, in the axes' units, and a little more. */
    private static final double TIME_SLACK = MINUTE / 500;
    private static final double VALUE_SLACK = 0.5;

    private final ChartPlot plot = new ChartPlot();
    private PanningChartPanel panel;
    private Rectangle area;

    @BeforeEach
    void aMinuteFromZeroToAHundred() {
        plot.timeAxis().setRange(new Range(START, START + MINUTE));
        plot.valueAxis().setRange(0, 100);
        panel = PaintedPanels.laidOut(plot);
        area = panel.getScreenDataArea().getBounds();
    }

    @Test
    void shiftDragDrawnUpAndLeftZoomsToTheBox() {
        drag(InputEvent.SHIFT_DOWN_MASK, 0.75, 0.25, 0.25, 0.75);

        assertZoomedToTheMiddleHalf();
    }

    @Test
    void withBoxZoomOnAPlainDragZooms() {
        panel.boxZoom(true);

        drag(0, 0.25, 0.75, 0.75, 0.25);

        assertZoomedToTheMiddleHalf();
    }

    @Test
    void aPlainDragPans() {
        drag(0, 0.75, 0.5, 0.25, 0.5);

        Range time = plot.timeAxis().getRange();
        assertEquals(MINUTE, time.getLength(), TIME_SLACK, "panning changed the zoom");
        assertEquals(START + MINUTE / 2, time.getLowerBound(), TIME_SLACK, "a drag to the left shows later times");
    }

    private void assertZoomedToTheMiddleHalf() {
        Range time = plot.timeAxis().getRange();
        assertEquals(START + MINUTE / 4, time.getLowerBound(), TIME_SLACK);
        assertEquals(START + MINUTE * 3 / 4, time.getUpperBound(), TIME_SLACK);
        Range values = plot.valueAxis().getRange();
        assertEquals(25, values.getLowerBound(), VALUE_SLACK);
        assertEquals(75, values.getUpperBound(), VALUE_SLACK);
    }

    /** Presses, drags and releases the left button between two points given as shares of the data area. */
    private void drag(int modifiers, double fromX, double fromY, double toX, double toY) {
        int x0 = area.x + (int) Math.round(area.width * fromX);
        int y0 = area.y + (int) Math.round(area.height * fromY);
        int x1 = area.x + (int) Math.round(area.width * toX);
        int y1 = area.y + (int) Math.round(area.height * toY);
        int held = modifiers | InputEvent.BUTTON1_DOWN_MASK;
        panel.mousePressed(mouse(MouseEvent.MOUSE_PRESSED, held, x0, y0));
        panel.mouseDragged(mouse(MouseEvent.MOUSE_DRAGGED, held, (x0 + x1) / 2, (y0 + y1) / 2));
        panel.mouseDragged(mouse(MouseEvent.MOUSE_DRAGGED, held, x1, y1));
        panel.mouseReleased(mouse(MouseEvent.MOUSE_RELEASED, modifiers, x1, y1));
    }

    private MouseEvent mouse(int id, int modifiers, int x, int y) {
        return new MouseEvent(panel, id, System.currentTimeMillis(), modifiers, x, y, 1, false, MouseEvent.BUTTON1);
    }
}
