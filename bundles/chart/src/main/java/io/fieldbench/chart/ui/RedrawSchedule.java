package io.fieldbench.chart.ui;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.jfree.data.Range;

import io.fieldbench.chart.internal.ChartColumns;
import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesPoints;
import io.fieldbench.chart.internal.SeriesStore;

/**
 * When a chart redraws. A Swing timer ticks {@value #REFRESHES_PER_SECOND} times a second. A tick
 * redraws when the store has something new, when a redraw was asked for (a new selection, a zoom,
 * Resume), or, while scrolling, when {@value #IDLE_REDRAW_MILLIS} ms went by, so that the window
 * moves on with the clock. Paused, the ticks draw nothing unless asked while the store keeps
 * filling; resumed, the next tick catches up.
 * <p>
 * One redraw at a time: the decimation of the requested range runs on the worker, which reads the
 * store off the EDT, and so does the drawing of the chart's picture ({@link OffscreenChart}); both
 * come back to the EDT as an immutable {@link Redraw}. The worker keeps the chart's decimated
 * columns from one redraw to the next ({@link ChartColumns}), so a redraw folds in only the points
 * that came since. Every
 * {@value #STATUS_EVERY_TICKS} ticks the chart refreshes what changes slowly (channel count,
 * status line). On the EDT, but for the worker's part.
 */
final class RedrawSchedule {

    static final int REFRESHES_PER_SECOND = 30;
    /** While scrolling with no new data, the window still moves on at this pace. */
    static final long IDLE_REDRAW_MILLIS = 250;
    /** How often the channel count and status line are read again. */
    static final int STATUS_EVERY_TICKS = 15;

    /** What the schedule asks of its chart, on the EDT. */
    interface Chart {

        /** Whether the picture is frozen. */
        boolean paused();

        /** Whether the user zoomed or panned away from the scrolling window. */
        boolean zoomed();

        /** What to read now: the checked series over the scrolling window ending now, or over the visible range. */
        Request request(boolean scrolling, long now);

        /** Shows a finished redraw. */
        void draw(Redraw redraw);

        /** Reads again what changes slowly: the channel count and the status line. */
        void refreshStatus();
    }

    /**
     * What the worker reads: these series over this time range, decimated for this many pixel
     * columns, and drawn as the scene says.
     *
     * @param scrolling whether the range is the scrolling window (the chart then shows it) or the visible one
     * @param scene     how the picture is to look, or null for no picture (the chart is not on screen)
     */
    record Request(List<SeriesKey> keys, Range range, int columns, boolean scrolling, OffscreenChart.Scene scene) {

        Request {
            keys = List.copyOf(keys);
        }

        /**
         * Reads the points from the store, folding into the chart's kept columns what is new, and
         * draws them; on the worker.
         */
        Redraw read(SeriesStore store, ChartColumns kept, OffscreenChart offscreen) {
            boolean replay = store.replaying(keys);
            List<SeriesPoints> points = kept.read(store, keys, (long) range.getLowerBound(),
                    (long) range.getUpperBound(), columns);
            return new Redraw(this, points, replay,
                    scene == null ? null : offscreen.draw(scene, range, keys, points, replay));
        }
    }

    /**
     * What the worker read for a request: the points of its series, index for index, and their picture.
     *
     * @param replay  whether any of the series shows a recording played back
     * @param picture the chart drawn, or null when the request had no scene
     */
    record Redraw(Request request, List<SeriesPoints> points, boolean replay, OffscreenChart.Picture picture) {

        Redraw {
            points = List.copyOf(points);
        }

        List<SeriesKey> keys() {
            return request.keys();
        }
    }

    private final SeriesStore store;
    private final Executor worker;
    private final Chart chart;
    private final Timer timer;
    /** The worker's: what the previous redraw decimated, so the next folds in only what is new. */
    private final ChartColumns kept = new ChartColumns();
    /** The worker's: draws the chart's pictures. */
    private final OffscreenChart offscreen;
    private boolean drawing;
    private boolean asked = true;
    private long drawnVersion = -1;
    private long drawnAt;
    private int ticks;

    /** A schedule whose worker draws the chart's pictures with this figure, which the EDT then no longer uses. */
    RedrawSchedule(SeriesStore store, Executor worker, Chart chart, ChartFigure workerFigure) {
        this.store = store;
        this.worker = worker;
        this.chart = chart;
        offscreen = new OffscreenChart(workerFigure);
        timer = new Timer(1000 / REFRESHES_PER_SECOND, e -> tick());
    }

    void start() {
        timer.start();
    }

    /** Stops the ticks; the chart is gone or going. */
    void stop() {
        timer.stop();
    }

    /** Redraws at the next tick, paused or not. */
    void redraw() {
        asked = true;
    }

    /** Pausing drops a redraw not yet made; resuming redraws at the next tick. */
    void paused(boolean paused) {
        asked = !paused;
    }

    private void tick() {
        if (++ticks % STATUS_EVERY_TICKS == 0) {
            chart.refreshStatus();
        }
        boolean paused = chart.paused();
        if (drawing || (paused && !asked)) {
            return;
        }
        long version = store.version();
        boolean scrolling = !chart.zoomed() && !paused;
        long now = System.currentTimeMillis();
        if (!asked && version == drawnVersion && !(scrolling && now - drawnAt >= IDLE_REDRAW_MILLIS)) {
            return;
        }
        Request request = chart.request(scrolling, now);
        asked = false;
        drawing = true;
        try {
            worker.execute(() -> {
                Redraw redraw = null;
                try {
                    redraw = request.read(store, kept, offscreen);
                } finally {
                    Redraw read = redraw;
                    SwingUtilities.invokeLater(() -> drawn(read, version));
                }
            });
        } catch (RejectedExecutionException e) {
            // the bundle is stopping: the chart goes with it
            stop();
        }
    }

    /** On the EDT: a redraw came back from the worker, or null when reading failed. */
    private void drawn(Redraw redraw, long version) {
        drawing = false;
        if (redraw == null) {
            return;
        }
        drawnVersion = version;
        drawnAt = System.currentTimeMillis();
        chart.draw(redraw);
    }
}
