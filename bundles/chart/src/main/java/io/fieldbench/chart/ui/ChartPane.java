package io.fieldbench.chart.ui;

import java.awt.BorderLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.swing.JPanel;

import org.jfree.chart.JFreeChart;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesStore;

/**
 * One live chart: the {@link ChartToolbar} above, the {@link ChartPlot} in the middle, the
 * {@link StatusBar} below (the {@link StatusLine} and, in a place of its own, the mouse
 * {@link Readout}). The pane holds the chart's selection and wires the parts: the
 * {@link RedrawSchedule} decides when to redraw and has the worker decimate the checked series
 * and draw the chart's picture with a {@link ChartFigure} of its own; the pane then parts the
 * series between the axes ({@link AxisSplit}) of the EDT's chart too, marks a replay
 * ({@link ReplayMark}), unless the user zoomed ({@link ZoomState}) or paused scrolls the time
 * axis along, and shows the worker's picture when it matches. Everything it reads from the store
 * on the EDT is lock-free.
 */
final class ChartPane extends JPanel {

    private static final long serialVersionUID = 1L;

    /** Test hook (client property): a {@code Supplier<Map<String, List<double[]>>>} of what is drawn, read on the EDT. */
    static final String DRAWN_PROPERTY = "fieldbench.chart.drawn";
    /** Test hook (client property): a {@code LongSupplier} of the points the store retains for the checked series. */
    static final String RETAINED_PROPERTY = "fieldbench.chart.retained";
    /** Test hook (client property): like {@link #DRAWN_PROPERTY}, only the series drawn against the right axis. */
    static final String RIGHT_DRAWN_PROPERTY = "fieldbench.chart.drawn.right";

    private final transient ChartHost host;
    private final transient SeriesStore store;
    private transient ChartSelection selection;

    private final transient ChartPlot plot = new ChartPlot();
    private final transient ReplayMark replay;
    private final transient StatusLine status;
    private final transient RedrawSchedule schedule;
    private final transient ZoomState zoom;
    private final transient Readout readout;
    private final ChannelPicker picker;
    private final ChartToolbar toolbar;

    ChartPane(ChartHost host, ChartSelection selection) {
        super(new BorderLayout());
        this.host = host;
        this.store = host.store();
        this.selection = selection;
        setName(selection.id());

        replay = new ReplayMark();
        status = new StatusLine(store, host::dropped);
        schedule = new RedrawSchedule(store, host.worker(), new Drawing(), new ChartFigure());
        zoom = new ZoomState(plot, schedule::redraw);
        readout = new Readout(plot);
        picker = new ChannelPicker(host::channels, selection.series(), selection.right(), this::checked,
                this::axisChosen);
        picker.suggest(() -> FirstChannels.of(store));
        toolbar = new ChartToolbar(replay.badge(), picker, selection.window(), new Controls());

        add(toolbar, BorderLayout.NORTH);
        add(plot.panel(), BorderLayout.CENTER);
        add(new StatusBar(status.label(), readout.label()), BorderLayout.SOUTH);

        putClientProperty(DRAWN_PROPERTY, (Supplier<Map<String, List<double[]>>>) this::drawnSnapshot);
        putClientProperty(RIGHT_DRAWN_PROPERTY, (Supplier<Map<String, List<double[]>>>) plot::rightDrawn);
        putClientProperty(RETAINED_PROPERTY, (LongSupplier) this::retained);

        schedule.start();
    }

    private void checked(List<SeriesKey> series) {
        selection = selection.withSeries(series);
        host.selectionChanged(selection);
        schedule.redraw();
    }

    private void axisChosen(Set<SeriesKey> right) {
        selection = selection.withRight(right);
        host.selectionChanged(selection);
        schedule.redraw();
    }

    private void resetZoom() {
        zoom.reset();
        schedule.redraw();
    }

    /** Every drawn series, left axis and right, by {@code device / channel}. */
    private Map<String, List<double[]>> drawnSnapshot() {
        Map<String, List<double[]>> all = new LinkedHashMap<>(plot.leftDrawn());
        all.putAll(plot.rightDrawn());
        return all;
    }

    private long retained() {
        long points = 0;
        for (SeriesKey key : picker.checked()) {
            points += store.size(key);
        }
        return points;
    }

    /** Stops the redraws; the pane is gone or going. */
    void stop() {
        schedule.stop();
    }

    /** What the redraw schedule reads from the pane and hands back to it. */
    private final class Drawing implements RedrawSchedule.Chart {

        @Override
        public boolean paused() {
            return toolbar.paused();
        }

        @Override
        public boolean zoomed() {
            return zoom.zoomed();
        }

        @Override
        public RedrawSchedule.Request request(boolean scrolling, long now) {
            List<SeriesKey> keys = picker.checked();
            return new RedrawSchedule.Request(keys,
                    scrolling ? ScrollingRange.of(store, keys, selection.window(), now) : plot.visibleRange(),
                    plot.columns(), scrolling, plot.scene(selection));
        }

        @Override
        public void draw(RedrawSchedule.Redraw redraw) {
            JFreeChart chart = plot.chart();
            boolean notify = chart.isNotify();
            chart.setNotify(false);
            replay.show(redraw.replay());
            plot.draw(AxisSplit.of(selection, redraw.keys(), redraw.points()), redraw.replay());
            if (redraw.request().scrolling() && !toolbar.paused()) {
                zoom.follow(redraw.request().range());
            }
            chart.setNotify(notify);
            plot.show(redraw.picture());
            readout.refresh();
        }

        @Override
        public void refreshStatus() {
            picker.suggest(() -> FirstChannels.of(store));
            picker.refreshKnown();
            status.refresh(replay.shown(), toolbar.paused(), zoom.zoomed());
        }
    }

    /** What the toolbar's controls do to this chart. */
    private final class Controls implements ChartToolbar.Actions {

        @Override
        public void windowChosen(TimeWindow window) {
            selection = selection.withWindow(window);
            host.selectionChanged(selection);
            resetZoom();
        }

        @Override
        public void pauseChanged(boolean paused) {
            schedule.paused(paused);
        }

        @Override
        public void resetZoom() {
            ChartPane.this.resetZoom();
        }

        @Override
        public void boxZoomChanged(boolean on) {
            plot.panel().boxZoom(on);
            readout.refresh();
        }

        @Override
        public void exportPng() {
            ChartExport.png(ChartPane.this, plot.chart(), plot.panel().getSize(), host.worker());
        }

        @Override
        public void exportCsv() {
            ChartExport.csv(ChartPane.this, store, picker.checked(), plot.visibleRange(), host.worker());
        }

        @Override
        public void openChart() {
            host.openChart();
        }

        @Override
        public void closeChart() {
            host.closeChart(selection.id());
        }
    }
}
