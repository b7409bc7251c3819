package io.fieldbench.chart.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Map;

import javax.swing.UIManager;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

import io.fieldbench.chart.internal.SeriesKey;

/**
 * What a chart draws, as JFreeChart objects: a time axis, a value axis on the left and one on the
 * right (shown only while a series is drawn against it), each with its dataset and
 * {@link PolylineRenderer}, the {@link CompactLegend} and, during a replay, the
 * {@link ReplayMark#REPLAY_MARK} subtitle; themed like the rest of the workbench. A chart has two:
 * the EDT's, which the panel, the mouse and the exports use, and the draw worker's, which draws the
 * picture the panel shows ({@link OffscreenChart}). Each is used by its one thread only; built on the EDT
 * (the theme reads the look and feel).
 * <p>
 * Grid lines are solid 1-pixel lines: JFreeChart's default dashed half-pixel grid goes through the
 * shape rasteriser dash by dash and cost twice as much as sixteen dense series.
 */
final class ChartFigure {

    /** The legend entry of a right-axis series ends with this. */
    static final String RIGHT_LEGEND = " (right axis)";
    /** While the right axis is in use, the legend entry of a left-axis series ends with this. */
    static final String LEFT_LEGEND = " (left axis)";
    /** The plot's index of the right axis, its dataset and its renderer. */
    private static final int RIGHT = 1;
    private static final double GRID_SHARE = 0.18;
    private static final Stroke GRID_STROKE = new BasicStroke(1f);
    private static final int SUBTITLE_SIZE = 12;

    private final DrawnDataset dataset = new DrawnDataset();
    private final DrawnDataset rightDataset = new DrawnDataset(RIGHT_LEGEND);
    private final DateAxis timeAxis = new DateAxis();
    private final NumberAxis valueAxis = new NumberAxis();
    private final NumberAxis rightAxis = new NumberAxis();
    private final PolylineRenderer renderer = new PolylineRenderer();
    private final PolylineRenderer rightRenderer = new PolylineRenderer();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final CompactLegend legend;
    private final TextTitle replaySubtitle = new TextTitle(ReplayMark.REPLAY_MARK + " — recorded data played back",
            new Font(Font.SANS_SERIF, Font.BOLD, SUBTITLE_SIZE));
    private boolean replay;
    /** The series the renderers' paints were set for: set again only when they change. */
    private List<SeriesKey> paintedLeft = List.of();
    private List<SeriesKey> paintedRight = List.of();

    ChartFigure() {
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
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlineStroke(GRID_STROKE);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        legend = new CompactLegend(plot);
        chart.addLegend(legend);
        chart.setAntiAlias(false);
        replaySubtitle.setPaint(ReplayMark.REPLAY_COLOR);
        theme();
    }

    private void theme() {
        Color background = UIManager.getColor("Panel.background");
        Color foreground = UIManager.getColor("Label.foreground");
        if (background == null || foreground == null) {
            return;
        }
        Color grid = mix(background, foreground, GRID_SHARE);
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
        legend.setBackgroundPaint(background);
        legend.setItemPaint(foreground);
    }

    private static Color mix(Color a, Color b, double share) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * share),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * share),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * share));
    }

    JFreeChart chart() {
        return chart;
    }

    CompactLegend legend() {
        return legend;
    }

    DateAxis timeAxis() {
        return timeAxis;
    }

    NumberAxis valueAxis() {
        return valueAxis;
    }

    NumberAxis rightAxis() {
        return rightAxis;
    }

    /**
     * Replaces what is drawn on each axis, and shows the replay subtitle or takes it away. The right
     * axis, its label and the legend's axis names show only while a series is drawn against it. The
     * caller holds the chart's notifications.
     */
    void show(AxisSplit split, boolean replayed) {
        paintedLeft = paint(renderer, split.leftKeys(), paintedLeft);
        paintedRight = paint(rightRenderer, split.rightKeys(), paintedRight);
        boolean twoAxes = split.twoAxes();
        rightAxis.setVisible(twoAxes);
        valueAxis.setLabel(twoAxes ? "left axis" : null);
        rightAxis.setLabel(twoAxes ? "right axis" : null);
        dataset.legendSuffix(twoAxes ? LEFT_LEGEND : "");
        dataset.replace(split.leftKeys(), split.leftPoints());
        rightDataset.replace(split.rightKeys(), split.rightPoints());
        if (replayed != replay) {
            replay = replayed;
            if (replayed) {
                chart.addSubtitle(0, replaySubtitle);
            } else {
                chart.removeSubtitle(replaySubtitle);
            }
        }
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

    /** The series drawn against the left axis. */
    List<SeriesKey> leftKeys() {
        return dataset.keys();
    }

    /** The series drawn against the right axis. */
    List<SeriesKey> rightKeys() {
        return rightDataset.keys();
    }

    /** What the left axis draws, by {@code device / channel} (a test hook). */
    Map<String, List<double[]>> leftDrawn() {
        return dataset.snapshot();
    }

    /** What the right axis draws, by {@code device / channel} (a test hook). */
    Map<String, List<double[]>> rightDrawn() {
        return rightDataset.snapshot();
    }
}
