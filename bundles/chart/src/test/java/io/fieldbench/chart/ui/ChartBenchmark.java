package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.chart.internal.ChartColumns;
import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesPoints;
import io.fieldbench.chart.internal.SeriesStore;

/**
 * Chart figures for docs/benchmarks.md, each beside its baseline in the same run (plain JFreeChart,
 * or the full decimation); the streaming cases add rows to the benchmark table named by
 * {@code -Dbenchmark.table}. Skipped unless asked for:
 * {@code xvfb-run -a mvn -o -B -pl bundles/chart -am test -Dtest=ChartBenchmark -Dfieldbench.benchmark=true
 * -DargLine=-Xmx8g -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ChartBenchmark {

    private static final int SERIES = 16;
    private static final int POINTS = 1_000_000;
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 800;
    private static final int RUNS = 5;
    private static final int RATE = 100_000;
    private static final int STREAM_SECONDS = 10;
    private static final int FEED_BATCHES_PER_SECOND = 100;
    private static final long PROBE_EVERY_MILLIS = 5;
    private static final int PREFILL_BATCH = 100_000;
    /** One source address for every sample: parsing it for each would cost the feeder, on the same cores, more than the chart. */
    private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.1", 5000);
    private static final long FRAME_NANOS = 1_000_000_000L / RedrawSchedule.REFRESHES_PER_SECOND;
    /**
     * Redraws of the full series before the stream starts: a second at the chart's pace. A chart on
     * screen while its series filled has drawn thousands; with one, the stream's first frames were
     * the JIT's first look at the drawing (20 to 40 ms each), not what the stream costs.
     */
    private static final int LEAD_IN_FRAMES = RedrawSchedule.REFRESHES_PER_SECOND;
    /** The stream's first second, when the full rings first evict and the JIT recompiles what a filling ring ran: its frames are told apart. */
    private static final long FIRST_SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Test
    void redrawOf16SeriesOfAMillionPoints() {
        assumeTrue(Boolean.getBoolean("fieldbench.benchmark"), "benchmark: run with -Dfieldbench.benchmark=true");
        SeriesStore store = new SeriesStore(POINTS);
        List<SeriesKey> keys = new ArrayList<>();
        DefaultXYDataset plain = new DefaultXYDataset();
        long start = 1_700_000_000_000L;
        for (int s = 0; s < SERIES; s++) {
            SeriesKey key = new SeriesKey("dev-" + s, "ch");
            keys.add(key);
            double[][] xy = new double[2][POINTS];
            List<Sample> batch = new ArrayList<>(POINTS);
            for (int i = 0; i < POINTS; i++) {
                double value = s * 3 + Math.sin(i / 5000.0) + (i % 97) / 97.0;
                xy[0][i] = start + i;
                xy[1][i] = value;
                batch.add(sample(key.device(), start + i, value));
            }
            store.append(batch);
            plain.addSeries(key.label(), xy);
        }
        long end = start + POINTS - 1;

        DrawnDataset drawn = new DrawnDataset();
        ChartFigure figure = new ChartFigure();
        ChartSelection selection = new ChartSelection("chart-1", keys, TimeWindow.ALL);
        JFreeChart previousChart = previousChart(drawn);
        JFreeChart plainChart = ChartFactory.createXYLineChart(null, null, null, plain);
        ((XYPlot) plainChart.getPlot()).setDomainAxis(new DateAxis());

        double[] decimated = new double[RUNS];
        double[] decimateOnly = new double[RUNS];
        double[] plainDraw = new double[RUNS];
        double[] previousDraw = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            List<SeriesPoints> points = fullDecimation(store, keys, start, end);
            long t1 = System.nanoTime();
            figure.show(AxisSplit.of(selection, keys, points), false);
            draw(figure.chart());
            drawn.replace(keys, points);
            long t2 = System.nanoTime();
            draw(plainChart);
            long t3 = System.nanoTime();
            draw(previousChart);
            previousDraw[run] = (System.nanoTime() - t3) / 1e6;
            decimateOnly[run] = (t1 - t0) / 1e6;
            decimated[run] = (t2 - t0) / 1e6;
            plainDraw[run] = (t3 - t2) / 1e6;
        }
        System.out.printf("redraw %d series x %,d points at %dx%d: decimated %.0f ms (of which decimation %.0f ms,"
                + " drawing %.1f ms; the same points with the stroked path renderer: %.1f ms),"
                + " plain JFreeChart %.0f ms (median of %d)%n", SERIES, POINTS, WIDTH, HEIGHT, median(decimated),
                median(decimateOnly), median(decimated) - median(decimateOnly), median(previousDraw),
                median(plainDraw), RUNS);
        assertTrue(median(decimated) < median(plainDraw), "decimation is no faster");
    }

    @Test
    void perFrameRedrawOf16SeriesOfAMillionPointsWhileAHundredThousandSamplesASecondStreamIn() throws Exception {
        assumeTrue(Boolean.getBoolean("fieldbench.benchmark"), "benchmark: run with -Dfieldbench.benchmark=true");
        SeriesStore store = new SeriesStore(POINTS);
        List<SeriesKey> keys = prefill(store);
        ChartColumns kept = new ChartColumns();
        Frames ours = frames(store, keys, (from, to) -> kept.read(store, keys, from, to, WIDTH));
        Frames full = frames(store, keys, (from, to) -> fullDecimation(store, keys, from, to));
        System.out.printf("redraw of %d series x %,d points, \"All\" window at %dx%d, while %,d samples/s stream in,"
                + " %d s each: incremental %s; full decimation %s%n", SERIES, POINTS, WIDTH, HEIGHT, RATE,
                STREAM_SECONDS, ours, full);
        tableRow("chart redraw 16 × 1 M points while 100 000 samples/s stream in, p50 (incremental vs full decimation)",
                percentile(ours.redraw(), 50), percentile(full.redraw(), 50));
        tableRow("chart redraw 16 × 1 M points while 100 000 samples/s stream in, p99 (incremental vs full decimation)",
                percentile(ours.redraw(), 99), percentile(full.redraw(), 99));
        tableRow("chart redraw 16 × 1 M points while 100 000 samples/s stream in, p99 after the stream's first second"
                + " (incremental vs full decimation)", percentile(ours.settled(), 99), percentile(full.settled(), 99));
        tableRow("chart redraw 16 × 1 M points while 100 000 samples/s stream in, worst of the stream's first second"
                + " (incremental vs full decimation)", max(ours.firstSecond()), max(full.firstSecond()));
    }

    /** How a benchmark reads the points of the chart's series for a time range. */
    private interface PointsReader {
        List<SeriesPoints> read(long from, long to);
    }

    /**
     * Per-frame times, ms.
     *
     * @param decimation  reading the points
     * @param redraw      reading and drawing them
     * @param cpu         the processor time of reading and drawing them (what contention for the processor does not inflate)
     * @param firstSecond how many of the frames began in the stream's first second: the rings start to evict
     *                    and the JIT recompiles what the prefill compiled (the appends, the folding of new points)
     */
    private record Frames(double[] decimation, double[] redraw, double[] cpu, int firstSecondFrames) {

        double[] firstSecond() {
            return Arrays.copyOfRange(redraw, 0, firstSecondFrames);
        }

        double[] settled() {
            return Arrays.copyOfRange(redraw, firstSecondFrames, redraw.length);
        }

        @Override
        public String toString() {
            return String.format("p50 %.1f ms, p99 %.1f ms (decimation p50 %.1f ms, p99 %.1f ms; processor time p50"
                    + " %.1f ms, p99 %.1f ms; %d frames; after the first second p99 %.1f ms, in it the worst %.1f ms)",
                    percentile(redraw, 50), percentile(redraw, 99), percentile(decimation, 50), percentile(decimation, 99),
                    percentile(cpu, 50), percentile(cpu, 99), redraw.length, percentile(settled(), 99), max(firstSecond()));
        }
    }

    /**
     * Redraws the "All" window (every retained point, its old end moving as the stream evicts) into
     * an image at the chart's pace, at most, for as long as a stream runs, as the chart's draw
     * worker does ({@link OffscreenChart}). Before the stream, {@link #LEAD_IN_FRAMES} redraws of the
     * full series, not counted: the first folds every point, as a chart's first redraw does.
     */
    private static Frames frames(SeriesStore store, List<SeriesKey> keys, PointsReader reader) throws Exception {
        OffscreenChart chart = new OffscreenChart(new ChartFigure());
        OffscreenChart.Scene scene = new OffscreenChart.Scene(WIDTH, HEIGHT,
                new ChartSelection("chart-1", keys, TimeWindow.ALL), null, null);
        List<Double> decimation = new ArrayList<>();
        List<Double> redraw = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < LEAD_IN_FRAMES; i++) {
            redraw(store, keys, reader, scene, chart);
        }
        System.gc();  // the other phase's garbage is not this one's
        Thread feeder = feeder(store::append);
        long streaming = System.nanoTime();
        int firstSecondFrames = 0;
        feeder.start();
        while (feeder.isAlive()) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            if (t0 - streaming < FIRST_SECOND_NANOS) {
                firstSecondFrames++;
            }
            long t1 = redraw(store, keys, reader, scene, chart);
            long t2 = System.nanoTime();
            cpu.add((threads.getCurrentThreadCpuTime() - cpu0) / 1e6);
            decimation.add((t1 - t0) / 1e6);
            redraw.add((t2 - t0) / 1e6);
            long rest = FRAME_NANOS - (t2 - t0);
            if (rest > 0) {
                TimeUnit.NANOSECONDS.sleep(rest);  // frame pacing, as the chart's timer paces its redraws
            }
        }
        return new Frames(unboxed(decimation), unboxed(redraw), unboxed(cpu), firstSecondFrames);
    }

    /** Reads the "All" window's points and draws them; returns when the reading was done ({@link System#nanoTime}). */
    private static long redraw(SeriesStore store, List<SeriesKey> keys, PointsReader reader,
            OffscreenChart.Scene scene, OffscreenChart chart) {
        Range range = ScrollingRange.of(store, keys, TimeWindow.ALL, System.currentTimeMillis());
        List<SeriesPoints> points = reader.read((long) range.getLowerBound(), (long) range.getUpperBound());
        long read = System.nanoTime();
        chart.draw(scene, range, keys, points, false);
        return read;
    }

    /** Every series decimated afresh, as charts did before they kept their columns. */
    private static List<SeriesPoints> fullDecimation(SeriesStore store, List<SeriesKey> keys, long from, long to) {
        List<SeriesPoints> points = new ArrayList<>();
        for (SeriesKey key : keys) {
            points.add(store.window(key, from, to, WIDTH));
        }
        return points;
    }

    @Test
    void edtLatencyWhileAHundredThousandSamplesASecondStreamIntoAMillionPointsASeries() throws Exception {
        assumeTrue(Boolean.getBoolean("fieldbench.benchmark"), "benchmark: run with -Dfieldbench.benchmark=true");
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (xvfb-run)");
        Streamed ours = streamInto(true, true);
        Streamed plain = streamInto(false, true);
        System.out.printf("EDT latency while %,d samples/s stream in for %d s into %d series of %,d points (\"All\""
                + " window): chart view p50 %.1f ms, p99 %.1f ms, max %.1f ms, decimation on the worker p50 %.1f ms,"
                + " p99 %.1f ms (%d redraws); plain JFreeChart (XYSeries, notify off, one fire per 33 ms) p50 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms%n", RATE, STREAM_SECONDS, SERIES, POINTS,
                percentile(ours.edt(), 50), percentile(ours.edt(), 99), percentile(ours.edt(), 100),
                percentile(ours.worker(), 50), percentile(ours.worker(), 99), ours.worker().length,
                percentile(plain.edt(), 50), percentile(plain.edt(), 99), percentile(plain.edt(), 100));
        tableRow("chart EDT latency p99 while 100 000 samples/s stream into 16 × 1 M points (vs plain JFreeChart)",
                percentile(ours.edt(), 99), percentile(plain.edt(), 99));
    }

    @Test
    void edtLatencyWhileAHundredThousandSamplesASecondStreamIn() throws Exception {
        assumeTrue(Boolean.getBoolean("fieldbench.benchmark"), "benchmark: run with -Dfieldbench.benchmark=true");
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (xvfb-run)");
        double[] ours = streamInto(true, false).edt();
        double[] plain = streamInto(false, false).edt();
        System.out.printf("EDT latency while %,d samples/s stream in for %d s (%d series): chart view p50 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms; plain JFreeChart (XYSeries, notify off, one fire per 33 ms)"
                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", RATE, STREAM_SECONDS, SERIES,
                percentile(ours, 50), percentile(ours, 99), percentile(ours, 100),
                percentile(plain, 50), percentile(plain, 99), percentile(plain, 100));
    }

    /**
     * What a stream cost a shown chart: EDT latencies, and the chart view's decimations on its worker.
     *
     * @param edt    probe latencies, ms
     * @param worker the worker's time per redraw, ms (none for plain JFreeChart)
     */
    private record Streamed(double[] edt, double[] worker) {
    }

    /**
     * Streams RATE samples/s over SERIES channels into a shown chart and measures EDT latency; a
     * full chart first holds POINTS a series and shows them all, an empty one the last 10 s.
     */
    private static Streamed streamInto(boolean chartView, boolean full) throws Exception {
        SeriesStore store = new SeriesStore(POINTS);
        List<SeriesKey> keys = full ? prefill(store) : keys();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        List<Double> decimations = Collections.synchronizedList(new ArrayList<>());
        Executor timedWorker = task -> worker.execute(() -> {
            long start = System.nanoTime();
            task.run();
            decimations.add((System.nanoTime() - start) / 1e6);
        });
        XYSeriesCollection plainData = new XYSeriesCollection();
        AtomicReference<JFrame> frame = new AtomicReference<>();
        List<List<Sample>> pending = new ArrayList<>();
        // plain JFreeChart's refreshes; stopped with the frame, or they would go on in the cases after
        javax.swing.Timer plainRefresh = new javax.swing.Timer(1000 / RedrawSchedule.REFRESHES_PER_SECOND, e -> {
            List<List<Sample>> batches;
            synchronized (pending) {
                batches = new ArrayList<>(pending);
                pending.clear();
            }
            for (List<Sample> batch : batches) {
                for (Sample sample : batch) {
                    int s = Integer.parseInt(sample.deviceId().substring(4));
                    plainData.getSeries(s).add(sample.receivedAt().toEpochMilli(), sample.channels().get("ch"), false);
                }
            }
            // one change event per refresh: notify on fires it, then off again for the next adds
            plainData.getSeries(0).setNotify(true);
            plainData.getSeries(0).setNotify(false);
        });
        SwingUtilities.invokeAndWait(() -> {
            JFrame shown = new JFrame("benchmark");
            if (chartView) {
                ChartSelection selection = new ChartSelection("chart-1", keys,
                        full ? TimeWindow.ALL : TimeWindow.TEN_SECONDS);
                shown.add(new ChartPane(host(store, timedWorker), selection));
            } else {
                for (SeriesKey key : keys) {
                    XYSeries series = new XYSeries(key.label(), false, true);
                    series.setNotify(false);
                    SeriesPoints retained = store.points(key, Long.MIN_VALUE, Long.MAX_VALUE);
                    for (int i = 0; i < retained.count(); i++) {
                        series.add(retained.times()[i], retained.values()[i], false);
                    }
                    plainData.addSeries(series);
                }
                JFreeChart chart = ChartFactory.createXYLineChart(null, null, null, plainData);
                ((XYPlot) chart.getPlot()).setDomainAxis(new DateAxis());
                shown.add(new ChartPanel(chart));
                plainRefresh.start();
            }
            shown.setSize(WIDTH, HEIGHT);
            shown.setVisible(true);
            frame.set(shown);
        });
        Thread feeder = feeder(chartView ? store::append : batch -> {
            synchronized (pending) {
                pending.add(batch);
            }
        });
        feeder.start();
        List<Double> latencies = new ArrayList<>();
        while (feeder.isAlive()) {
            long posted = System.nanoTime();
            SwingUtilities.invokeAndWait(() -> latencies.add((System.nanoTime() - posted) / 1e6));
            TimeUnit.MILLISECONDS.sleep(PROBE_EVERY_MILLIS);  // probe pacing
        }
        SwingUtilities.invokeAndWait(() -> {
            if (frame.get().getContentPane().getComponent(0) instanceof ChartPane pane) {
                pane.stop();
            }
            plainRefresh.stop();
            frame.get().dispose();
        });
        worker.shutdownNow();
        return new Streamed(unboxed(latencies), unboxed(decimations));
    }

    /** A thread that hands RATE samples/s over SERIES channels to the sink, in batches, for STREAM_SECONDS. */
    private static Thread feeder(Consumer<List<Sample>> sink) {
        int perBatch = RATE / FEED_BATCHES_PER_SECOND;
        return new Thread(() -> {
            long next = System.nanoTime();
            long total = (long) RATE * STREAM_SECONDS;
            int i = 0;
            while (i < total) {
                List<Sample> batch = new ArrayList<>(perBatch);
                long now = System.currentTimeMillis();
                for (int k = 0; k < perBatch; k++, i++) {
                    batch.add(sample("dev-" + (i % SERIES), now, signal(i % SERIES, POINTS + i / SERIES)));
                }
                sink.accept(batch);
                next += 1_000_000_000L / FEED_BATCHES_PER_SECOND;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);  // pacing the load, not synchronisation
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
    }

    private static List<SeriesKey> keys() {
        List<SeriesKey> keys = new ArrayList<>();
        for (int s = 0; s < SERIES; s++) {
            keys.add(new SeriesKey("dev-" + s, "ch"));
        }
        return keys;
    }

    /** Fills each series with POINTS points up to now, as the stream's rate would have: the ring is full. */
    private static List<SeriesKey> prefill(SeriesStore store) {
        List<SeriesKey> keys = keys();
        long perSeriesPerSecond = RATE / SERIES;
        long start = System.currentTimeMillis() - POINTS * 1000L / perSeriesPerSecond;
        for (int s = 0; s < SERIES; s++) {
            for (int first = 0; first < POINTS; first += PREFILL_BATCH) {
                List<Sample> batch = new ArrayList<>(PREFILL_BATCH);
                for (int i = first; i < first + PREFILL_BATCH; i++) {
                    batch.add(sample(keys.get(s).device(), start + i * 1000L / perSeriesPerSecond, signal(s, i)));
                }
                store.append(batch);
            }
        }
        System.gc();  // the fill's garbage is not the stream's
        return keys;
    }

    /**
     * Adds a row to the project's benchmark table, the file named by {@code -Dbenchmark.table}: figure, unit,
     * better, bench, baseline, bench RSS KiB (this JVM's), baseline RSS KiB (-1: the same JVM).
     */
    private static void tableRow(String figure, double bench, double baseline) throws IOException {
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/self/status")));
        String row = String.join("\t", figure, "ms", "LOWER", Double.toString(bench), Double.toString(baseline),
                rss.find() ? rss.group(1) : "-1", "-1");
        System.out.println("table: " + row);
        String table = System.getProperty("benchmark.table");
        if (table != null && !table.isBlank()) {
            Files.writeString(Path.of(table), row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    private static double[] unboxed(List<Double> values) {
        synchronized (values) {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private static ChartHost host(SeriesStore store, Executor worker) {
        return new ChartHost() {
            @Override
            public SeriesStore store() {
                return store;
            }

            @Override
            public List<SeriesKey> channels() {
                return store.keys();
            }

            @Override
            public long dropped() {
                return 0;
            }

            @Override
            public Executor worker() {
                return worker;
            }

            @Override
            public void selectionChanged(ChartSelection selection) {
                // not remembered in a benchmark
            }

            @Override
            public void openChart() {
                // one chart only
            }

            @Override
            public void closeChart(String id) {
                // one chart only
            }
        };
    }

    /** As the chart view drew before PolylineRenderer: one stroked path per series, 1.2 px wide. */
    private static JFreeChart previousChart(DrawnDataset dataset) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDefaultStroke(new java.awt.BasicStroke(1.2f), false);
        renderer.setAutoPopulateSeriesStroke(false);
        JFreeChart chart = new JFreeChart(new XYPlot(dataset, new DateAxis(), new org.jfree.chart.axis.NumberAxis(), renderer));
        chart.setAntiAlias(false);
        return chart;
    }

    private static void draw(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        graphics.dispose();
    }

    /** The {@code n}th value of a series, in the prefill and in the stream that goes on from it: each series in a band of its own. */
    private static double signal(int series, long n) {
        return Math.sin(n / 1000.0) + series;
    }

    private static Sample sample(String device, long time, double value) {
        return new Sample(device, SOURCE, Instant.ofEpochMilli(time), "bench",
                OptionalLong.empty(), Map.of("ch", value), Map.of(), 16);
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static double percentile(double[] values, double percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int at = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
    }
}
