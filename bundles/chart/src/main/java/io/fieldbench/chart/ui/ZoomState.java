package io.fieldbench.chart.ui;

import java.util.List;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.Range;

/**
 * Whether the user zoomed or panned a chart: a change of the time axis, or of a value axis away
 * from autoscaling, that the chart did not make itself. A zoomed chart stops scrolling with the
 * data until {@link #reset}. On the EDT.
 */
final class ZoomState {

    private final ChartPlot plot;
    private boolean zoomed;
    /** The chart is setting an axis itself: not the user's zoom. */
    private boolean applying;

    /** Watches the plot's axes; {@code timeMoved} runs when the user moves the time axis. */
    ZoomState(ChartPlot plot, Runnable timeMoved) {
        this.plot = plot;
        plot.timeAxis().addChangeListener(e -> {
            if (!applying) {
                zoomed = true;
                timeMoved.run();
            }
        });
        for (NumberAxis axis : List.of(plot.valueAxis(), plot.rightAxis())) {
            axis.addChangeListener(e -> {
                if (!applying && !axis.isAutoRange()) {
                    zoomed = true;
                }
            });
        }
    }

    boolean zoomed() {
        return zoomed;
    }

    /** Scrolls again, with both value axes autoscaled. */
    void reset() {
        zoomed = false;
        applying = true;
        try {
            plot.valueAxis().setAutoRange(true);
            plot.rightAxis().setAutoRange(true);
        } finally {
            applying = false;
        }
    }

    /** Shows this time range, as scrolling does, unless the user zoomed. */
    void follow(Range range) {
        if (zoomed) {
            return;
        }
        applying = true;
        try {
            plot.timeAxis().setRange(range, true, false);
        } finally {
            applying = false;
        }
    }
}
