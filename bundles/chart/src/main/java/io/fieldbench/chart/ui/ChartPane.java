package io.fieldbench.chart.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;

import org.jfree.chart.ChartMouseEvent;
import org.jfree.chart.ChartMouseListener;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesPoints;
import io.fieldbench.chart.internal.SeriesStore;
import io.fieldbench.chart.internal.StoreUsage;
import io.fieldbench.view.support.WrapLayout;

/**
 * One live chart: the channel picker and controls above, the plot, a status line below.
 * <p>
 * A Swing timer ticks {@value #REFRESHES_PER_SECOND} times a second. Each tick that has something
 * new hands the decimation of the visible range to the worker, which reads the store off the EDT;
 * the result replaces the drawn dataset in one change. Paused, the ticks draw nothing while the
 * store keeps filling; resumed, the next tick catches up. A zoom or pan stops auto-scrolling until
 * Reset zoom.
 * <p>
 * Channels the user put on the right axis are drawn from a second dataset against a second value
 * axis on the right; each axis autoscales to its own series, and the legend names the axis.
 */
final class ChartPane extends JPanel {

    private static final long serialVersionUID = 1L;

    static final int REFRESHES_PER_SECOND = 30;
    /** While scrolling with no new data, the window still moves on at this pace. */
    static final long IDLE_REDRAW_MILLIS = 250;
    /** How often the channel count and status line are read again. */
    static final int STATUS_EVERY_TICKS = 15;
    /** Test hook (client property): a {@code Supplier<Map<String, List<double[]>>>} of what is drawn, read on the EDT. */
    static final String DRAWN_PROPERTY = "fieldbench.chart.drawn";
    /** Test hook (client property): a {@code LongSupplier} of the points the store retains for the checked series. */
    static final String RETAINED_PROPERTY = "fieldbench.chart.retained";
    /** Test hook (client property): like {@link #DRAWN_PROPERTY}, only the series drawn against the right axis. */
    static final String RIGHT_DRAWN_PROPERTY = "fieldbench.chart.drawn.right";
    /** The legend entry of a right-axis series ends with this. */
    static final String RIGHT_LEGEND = " (right axis)";
    /** While the right axis is in use, the legend entry of a left-axis series ends with this. */
    static final String LEFT_LEGEND = " (left axis)";
    /** The plot's index of the right axis, its dataset and its renderer. */
    private static final int RIGHT = 1;
    /** The mark of a chart that shows a recording played back (toolbar badge and chart subtitle). */
    static final String REPLAY_MARK = "REPLAY";
    private static final Color REPLAY_COLOR = new Color(0xE0, 0x8A, 0x00);
    private static final int TOOLBAR_GAP = 6;
    /** Columns to decimate for before the plot has been laid out. */
    private static final int MIN_COLUMNS = 1_000;
    private static final long NO_DATA_SPAN_MILLIS = 60_000;

    private final transient ChartHost host;
    private final transient SeriesStore store;
    private transient ChartSelection selection;

    private final DrawnDataset dataset = new DrawnDataset();
    private final DrawnDataset rightDataset = new DrawnDataset(RIGHT_LEGEND);
    private final XYPlot plot;
    private final DateAxis timeAxis = new DateAxis();
    private final NumberAxis valueAxis = new NumberAxis();
    private final NumberAxis rightAxis = new NumberAxis();
    private final PolylineRenderer renderer = new PolylineRenderer();
    private final PolylineRenderer rightRenderer = new PolylineRenderer();
    /** The subtitle the chart carries while a checked series shows replayed data (also in a PNG export). */
    private final TextTitle replayTitle = new TextTitle(REPLAY_MARK + " — recorded data played back",
            new Font(Font.SANS_SERIF, Font.BOLD, 12));
    private final JFreeChart chart;
    private final PanningChartPanel chartPanel;
    private final ChannelPicker picker;
    private final JToggleButton pause = new JToggleButton("Pause");
    private final JLabel status = new JLabel(" ");
    private final JLabel readout = new JLabel(" ");
    private final JLabel replayBadge = new JLabel(REPLAY_MARK);
    private final Timer timer;

    private boolean drawing;
    private boolean rangeDirty = true;
    private boolean userZoom;
    private boolean applyingRange;
    private boolean replaying;
    /** The series the renderer's paints were set for: set again only when the selection changes. */
    private List<SeriesKey> paintedKeys = List.of();
    private List<SeriesKey> paintedRight = List.of();
    private long drawnVersion = -1;
    private long drawnAt;
    private int ticks;

    ChartPane(ChartHost host, ChartSelection selection) {
        super(new BorderLayout());
        this.host = host;
        this.store = host.store();
        this.selection = selection;
        setName(selection.id());

        timeAxis.setLowerMargin(0);
        timeAxis.setUpperMargin(0);
        timeAxis.setDateFormatOverride(new SimpleDateFormat("HH:mm:ss"));
        valueAxis.setAutoRangeIncludesZero(false);
        rightAxis.setAutoRangeIncludesZero(false);
        rightAxis.setVisible(false);
        plot = new XYPlot(dataset, timeAxis, valueAxis, renderer);
        plot.setRangeAxis(RIGHT, rightAxis);
        plot.setRangeAxisLocation(RIGHT, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(RIGHT, rightDataset);
        plot.setRenderer(RIGHT, rightRenderer);
        plot.mapDatasetToRangeAxis(RIGHT, RIGHT);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setAntiAlias(false);
        theme();
        chartPanel = new PanningChartPanel(chart);
        chartPanel.setName("plot");
        // no entity per drawn point: the readout reads the axes, and tooltips are off
        chartPanel.getChartRenderingInfo().setEntityCollection(null);
        replayTitle.setPaint(REPLAY_COLOR);
        chartPanel.addChartMouseListener(new Readout());
        timeAxis.addChangeListener(e -> userMoved());
        for (NumberAxis axis : List.of(valueAxis, rightAxis)) {
            axis.addChangeListener(e -> {
                if (!applyingRange && !axis.isAutoRange()) {
                    userZoom = true;
                }
            });
        }

        picker = new ChannelPicker(host::channels, selection.series(), selection.right(), this::checked,
                this::axisChosen);
        add(controls(), BorderLayout.NORTH);
        add(chartPanel, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout());
        status.setName("status");
        readout.setName("readout");
        south.add(status, BorderLayout.WEST);
        south.add(readout, BorderLayout.EAST);
        add(south, BorderLayout.SOUTH);

        putClientProperty(DRAWN_PROPERTY, (Supplier<Map<String, List<double[]>>>) this::drawnSnapshot);
        putClientProperty(RIGHT_DRAWN_PROPERTY, (Supplier<Map<String, List<double[]>>>) rightDataset::snapshot);
        putClientProperty(RETAINED_PROPERTY, (LongSupplier) this::retained);

        timer = new Timer(1000 / REFRESHES_PER_SECOND, e -> tick());
        timer.start();
    }

    private JPanel controls() {
        JComboBox<TimeWindow> window = new JComboBox<>(TimeWindow.values());
        window.setName("window");
        window.setToolTipText("How much recent time the chart shows");
        window.setSelectedItem(selection.window());
        window.addActionListener(e -> {
            selection = selection.withWindow((TimeWindow) window.getSelectedItem());
            host.selectionChanged(selection);
            resetZoom();
        });
        pause.setName("pause");
        pause.setToolTipText("Freeze the picture; data keeps arriving and shows on Resume");
        pause.addActionListener(e -> {
            pause.setText(pause.isSelected() ? "Resume" : "Pause");
            rangeDirty = !pause.isSelected();
        });
        JButton reset = button("Reset zoom", "reset-zoom", "Show the time window again, scrolling, values autoscaled");
        reset.addActionListener(e -> resetZoom());
        JButton png = button("PNG", "export-png", "Save the visible chart as a PNG picture");
        png.addActionListener(e -> ChartExport.png(this, chart, chartPanel.getSize(), host.worker()));
        JButton csv = button("CSV", "export-csv", "Save the checked channels' points in the visible time range as CSV");
        csv.addActionListener(e -> ChartExport.csv(this, store, picker.checked(), visibleRange(), host.worker()));
        JButton open = button("New chart", "new-chart", "Open another chart view");
        open.addActionListener(e -> host.openChart());
        JButton close = button("Close chart", "close-chart", "Close this chart for good");
        close.addActionListener(e -> host.closeChart(selection.id()));

        replayBadge.setName("replay");
        replayBadge.setToolTipText("A checked channel shows a recording played back, not live data");
        replayBadge.setForeground(REPLAY_COLOR);
        replayBadge.setFont(replayBadge.getFont().deriveFont(Font.BOLD));
        replayBadge.setVisible(false);

        JPanel bar = new JPanel(new WrapLayout(TOOLBAR_GAP));
        bar.add(replayBadge);
        bar.add(picker);
        bar.add(window);
        bar.add(pause);
        bar.add(reset);
        bar.add(png);
        bar.add(csv);
        bar.add(open);
        bar.add(close);
        return bar;
    }

    private static JButton button(String text, String name, String tip) {
        JButton button = new JButton(text);
        button.setName(name);
        button.setToolTipText(tip);
        return button;
    }

    private void theme() {
        Color background = UIManager.getColor("Panel.background");
        Color foreground = UIManager.getColor("Label.foreground");
        if (background == null || foreground == null) {
            return;
        }
        Color grid = mix(background, foreground, 0.18);
        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background.darker());
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setOutlinePaint(grid);
        for (var axis : List.of(timeAxis, valueAxis, rightAxis)) {
            axis.setTickLabelPaint(foreground);
            axis.setLabelPaint(foreground);
            axis.setAxisLinePaint(grid);
            axis.setTickMarkPaint(grid);
        }
        chart.getLegend().setBackgroundPaint(background);
        chart.getLegend().setItemPaint(foreground);
    }

    private static Color mix(Color a, Color b, double share) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * share),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * share),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * share));
    }

    private void checked(List<SeriesKey> series) {
        selection = selection.withSeries(series);
        host.selectionChanged(selection);
        rangeDirty = true;
    }

    private void axisChosen(Set<SeriesKey> right) {
        selection = selection.withRight(right);
        host.selectionChanged(selection);
        rangeDirty = true;
    }

    /** Every drawn series, left axis and right, by {@code device / channel}. */
    private Map<String, List<double[]>> drawnSnapshot() {
        Map<String, List<double[]>> all = new LinkedHashMap<>(dataset.snapshot());
        all.putAll(rightDataset.snapshot());
        return all;
    }

    private void userMoved() {
        if (!applyingRange) {
            userZoom = true;
            rangeDirty = true;
        }
    }

    private void resetZoom() {
        userZoom = false;
        applyingRange = true;
        valueAxis.setAutoRange(true);
        rightAxis.setAutoRange(true);
        applyingRange = false;
        rangeDirty = true;
    }

    boolean paused() {
        return pause.isSelected();
    }

    private long retained() {
        long points = 0;
        for (SeriesKey key : picker.checked()) {
            points += store.size(key);
        }
        return points;
    }

    private void tick() {
        if (++ticks % STATUS_EVERY_TICKS == 0) {
            picker.refreshKnown();
            showStatus();
        }
        if (drawing || (paused() && !rangeDirty)) {
            return;
        }
        long version = store.version();
        boolean scrolling = !userZoom && !paused();
        long now = System.currentTimeMillis();
        if (!rangeDirty && version == drawnVersion && !(scrolling && now - drawnAt >= IDLE_REDRAW_MILLIS)) {
            return;
        }
        List<SeriesKey> keys = picker.checked();
        Range range = scrolling ? scrollingRange(keys, now) : visibleRange();
        int columns = (int) chartPanel.getScreenDataArea().getWidth();
        if (columns < MIN_COLUMNS) {
            columns = Math.max(MIN_COLUMNS, chartPanel.getWidth());
        }
        rangeDirty = false;
        drawing = true;
        long from = (long) range.getLowerBound();
        long to = (long) range.getUpperBound();
        int drawColumns = columns;
        try {
            host.worker().execute(() -> {
                List<SeriesPoints> points = new ArrayList<>(keys.size());
                boolean replay = false;
                try {
                    replay = store.replaying(keys);
                    for (SeriesKey key : keys) {
                        points.add(store.window(key, from, to, drawColumns));
                    }
                } finally {
                    boolean replayed = replay;
                    SwingUtilities.invokeLater(() -> drawn(keys, points, range, scrolling, version, replayed));
                }
            });
        } catch (RejectedExecutionException e) {
            // the bundle is stopping: the pane goes with it
            stop();
        }
    }

    private Range scrollingRange(List<SeriesKey> keys, long now) {
        long newest = store.newest(keys);
        TimeWindow window = selection.window();
        if (window.isAll()) {
            long oldest = store.oldest(keys);
            if (oldest == Long.MAX_VALUE) {
                return new Range(now - NO_DATA_SPAN_MILLIS, now);
            }
            long end = Math.max(newest, now - 1);
            return new Range(oldest, Math.max(end, oldest + 1));
        }
        long span = window.millis();
        // live data scrolls with the clock; a replay or a silent device stays in view
        long end = newest == Long.MIN_VALUE || newest >= now - span ? now : newest;
        return new Range(end - span, end);
    }

    private Range visibleRange() {
        return timeAxis.getRange();
    }

    private void drawn(List<SeriesKey> keys, List<SeriesPoints> points, Range range, boolean scrolling, long version,
            boolean replay) {
        drawing = false;
        if (points.size() != keys.size()) {
            return;
        }
        drawnVersion = version;
        drawnAt = System.currentTimeMillis();
        List<SeriesKey> leftKeys = new ArrayList<>();
        List<SeriesPoints> leftPoints = new ArrayList<>();
        List<SeriesKey> rightKeys = new ArrayList<>();
        List<SeriesPoints> rightPoints = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean onRight = selection.onRight(keys.get(i));
            (onRight ? rightKeys : leftKeys).add(keys.get(i));
            (onRight ? rightPoints : leftPoints).add(points.get(i));
        }
        paintedKeys = paint(renderer, leftKeys, paintedKeys);
        paintedRight = paint(rightRenderer, rightKeys, paintedRight);
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        showReplay(replay);
        boolean twoAxes = !rightKeys.isEmpty();
        rightAxis.setVisible(twoAxes);
        valueAxis.setLabel(twoAxes ? "left axis" : null);
        rightAxis.setLabel(twoAxes ? "right axis" : null);
        dataset.legendSuffix(twoAxes ? LEFT_LEGEND : "");
        dataset.replace(leftKeys, leftPoints);
        rightDataset.replace(rightKeys, rightPoints);
        if (scrolling && !userZoom && !paused()) {
            applyingRange = true;
            timeAxis.setRange(range, true, false);
            applyingRange = false;
        }
        chart.setNotify(notify);
    }

    /** Sets the renderer's series paints when its series changed; returns the series painted. */
    private static List<SeriesKey> paint(PolylineRenderer target, List<SeriesKey> keys, List<SeriesKey> painted) {
        if (keys.equals(painted)) {
            return painted;
        }
        for (int i = 0; i < keys.size(); i++) {
            target.setSeriesPaint(i, SeriesColors.of(keys.get(i)), false);
        }
        return List.copyOf(keys);
    }

    /** Marks the chart as showing a replay, or live again; changes nothing when it stays as it is. */
    private void showReplay(boolean replay) {
        if (replay == replaying) {
            return;
        }
        replaying = replay;
        replayBadge.setVisible(replay);
        if (replay) {
            chart.addSubtitle(0, replayTitle);
        } else {
            chart.removeSubtitle(replayTitle);
        }
    }

    private void showStatus() {
        StoreUsage usage = store.usage();
        StringBuilder text = new StringBuilder();
        text.append(usage.series()).append(" series · ")
                .append(Quantities.count(usage.points())).append(" points · ")
                .append(Quantities.bytes(usage.bytes())).append(" · retention ")
                .append(Quantities.count(store.retention())).append(" per series");
        long dropped = host.dropped();
        if (dropped > 0) {
            text.append(" · dropped ").append(Quantities.count(dropped));
        }
        if (replaying) {
            text.append(" · replay");
        }
        if (paused()) {
            text.append(" · paused");
        } else if (userZoom) {
            text.append(" · zoomed (Reset zoom to scroll)");
        }
        status.setText(text.toString());
    }

    /** Stops the timer; the pane is gone or going. */
    void stop() {
        timer.stop();
    }

    /** Time and value under the mouse. */
    private final class Readout implements ChartMouseListener {

        @Override
        public void chartMouseClicked(ChartMouseEvent event) {
            // nothing: a click is the start of a pan
        }

        @Override
        public void chartMouseMoved(ChartMouseEvent event) {
            Rectangle2D area = chartPanel.getScreenDataArea();
            int x = event.getTrigger().getX();
            int y = event.getTrigger().getY();
            if (!area.contains(x, y)) {
                readout.setText(" ");
                return;
            }
            double time = timeAxis.java2DToValue(x, area, RectangleEdge.BOTTOM);
            double value = valueAxis.java2DToValue(y, area, RectangleEdge.LEFT);
            String text = new SimpleDateFormat("HH:mm:ss.SSS").format(new Date((long) time))
                    + "   " + String.format("%.4g", value);
            if (rightAxis.isVisible()) {
                text += "   right " + String.format("%.4g", rightAxis.java2DToValue(y, area, RectangleEdge.RIGHT));
            }
            readout.setText(text + " ");
        }
    }
}
