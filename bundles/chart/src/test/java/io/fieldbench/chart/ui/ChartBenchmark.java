package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesPoints;
import io.fieldbench.chart.internal.SeriesStore;

/**
 * Chart figures for docs/benchmarks.md, each beside plain JFreeChart in the same run. Skipped
 * unless asked for:
 * {@code xvfb-run -a mvn -B -f bundles/chart/pom.xml test -Dtest=ChartBenchmark -Dfieldbench.benchmark=true}
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
        JFreeChart decimatedChart = chart(drawn);
        JFreeChart previousChart = previousChart(drawn);
        JFreeChart plainChart = ChartFactory.createXYLineChart(null, null, null, plain);
        ((XYPlot) plainChart.getPlot()).setDomainAxis(new DateAxis());

        double[] decimated = new double[RUNS];
        double[] decimateOnly = new double[RUNS];
        double[] plainDraw = new double[RUNS];
        double[] previousDraw = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            List<SeriesPoints> points = new ArrayList<>();
            for (SeriesKey key : keys) {
                points.add(store.window(key, start, end, WIDTH));
            }
            long t1 = System.nanoTime();
            drawn.replace(keys, points);
            draw(decimatedChart);
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
    void edtLatencyWhileAHundredThousandSamplesASecondStreamIn() throws Exception {
        assumeTrue(Boolean.getBoolean("fieldbench.benchmark"), "benchmark: run with -Dfieldbench.benchmark=true");
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (xvfb-run)");
        double[] ours = streamInto(true);
        double[] plain = streamInto(false);
        System.out.printf("EDT latency while %,d samples/s stream in for %d s (%d series): chart view p50 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms; plain JFreeChart (XYSeries, notify off, one fire per 33 ms)"
                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", RATE, STREAM_SECONDS, SERIES,
                percentile(ours, 50), percentile(ours, 99), percentile(ours, 100),
                percentile(plain, 50), percentile(plain, 99), percentile(plain, 100));
    }

    /** Streams RATE samples/s over SERIES channels into a shown chart and measures EDT latency. */
    private static double[] streamInto(boolean chartView) throws Exception {
        SeriesStore store = new SeriesStore(POINTS);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        List<SeriesKey> keys = new ArrayList<>();
        for (int s = 0; s < SERIES; s++) {
            keys.add(new SeriesKey("dev-" + s, "ch"));
        }
        XYSeriesCollection plainData = new XYSeriesCollection();
        AtomicReference<JFrame> frame = new AtomicReference<>();
        List<List<Sample>> pending = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            JFrame shown = new JFrame("benchmark");
            if (chartView) {
                ChartSelection selection = new ChartSelection("chart-1", keys, TimeWindow.TEN_SECONDS);
                shown.add(new ChartPane(host(store, worker), selection));
            } else {
                for (SeriesKey key : keys) {
                    XYSeries series = new XYSeries(key.label(), false, true);
                    series.setNotify(false);
                    plainData.addSeries(series);
                }
                JFreeChart chart = ChartFactory.createXYLineChart(null, null, null, plainData);
                ((XYPlot) chart.getPlot()).setDomainAxis(new DateAxis());
                shown.add(new ChartPanel(chart));
                new javax.swing.Timer(1000 / RedrawSchedule.REFRESHES_PER_SECOND, e -> {
                    List<List<Sample>> batches;
                    synchronized (pending) {
                        batches = new ArrayList<>(pending);
                        pending.clear();
                    }
                    for (List<Sample> batch : batches) {
                        for (Sample sample : batch) {
                            int s = Integer.parseInt(sample.deviceId().substring(4));
                            plainData.getSeries(s).add(sample.receivedAt().toEpochMilli(), sample.channels().get("ch"),
                                    false);
                        }
                    }
                    // one change event per refresh: notify on fires it, then off again for the next adds
                    plainData.getSeries(0).setNotify(true);
                    plainData.getSeries(0).setNotify(false);
                }).start();
            }
            shown.setSize(WIDTH, HEIGHT);
            shown.setVisible(true);
            frame.set(shown);
        });
        int perBatch = RATE / FEED_BATCHES_PER_SECOND;
        Thread feeder = new Thread(() -> {
            long next = System.nanoTime();
            long total = (long) RATE * STREAM_SECONDS;
            int i = 0;
            while (i < total) {
                List<Sample> batch = new ArrayList<>(perBatch);
                long now = System.currentTimeMillis();
                for (int k = 0; k < perBatch; k++, i++) {
                    batch.add(sample("dev-" + (i % SERIES), now, Math.sin(i / 1000.0) + i % SERIES));
                }
                if (chartView) {
                    store.append(batch);
                } else {
                    synchronized (pending) {
                        pending.add(batch);
                    }
                }
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
            frame.get().dispose();
        });
        worker.shutdownNow();
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
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

    /** As the chart view draws. */
    private static JFreeChart chart(DrawnDataset dataset) {
        JFreeChart chart = new JFreeChart(new XYPlot(dataset, new DateAxis(), new org.jfree.chart.axis.NumberAxis(),
                new PolylineRenderer()));
        chart.setAntiAlias(false);
        return chart;
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

    private static Sample sample(String device, long time, double value) {
        return new Sample(device, new InetSocketAddress("127.0.0.1", 5000), Instant.ofEpochMilli(time), "bench",
                OptionalLong.empty(), Map.of("ch", value), Map.of(), 16);
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, double percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int at = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
    }
}
