package io.fieldbench.chart.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.support.AtomicFiles;

/**
 * The open chart views and their selections, kept in {@code charts.properties} in the data
 * directory so the charts come back after a restart (the shell remembers where they were docked).
 * <pre>
 * charts = chart-1,chart-3
 * chart-1.window = ONE_MINUTE
 * chart-1.series = dev-1\tTemp\ndev-2\tTemp
 * chart-1.right = dev-2\tTemp
 * </pre>
 * A series is {@code device TAB channel}, one per line; Properties escapes both. Thread-safe.
 */
final class ChartBook {

    static final String FILE_NAME = "charts.properties";
    static final String ID_PREFIX = "chart-";
    private static final String CHARTS = "charts";
    private static final String SERIES = ".series";
    private static final String WINDOW = ".window";
    /** The channels on the right-hand value axis; a file without it puts every channel on the left. */
    private static final String RIGHT = ".right";

    private final Object writing = new Object();
    private final Path file;
    private final Map<String, ChartSelection> charts = new LinkedHashMap<>();

    private ChartBook(Path file) {
        this.file = file;
    }

    /** Reads the book; a missing file is an empty book. */
    static ChartBook read(Path file) throws IOException {
        ChartBook book = new ChartBook(file);
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            for (String id : properties.getProperty(CHARTS, "").split(",")) {
                if (id.startsWith(ID_PREFIX)) {
                    book.charts.put(id, new ChartSelection(id, series(properties.getProperty(id + SERIES, "")),
                            TimeWindow.named(properties.getProperty(id + WINDOW, "")),
                            java.util.Set.copyOf(series(properties.getProperty(id + RIGHT, "")))));
                }
            }
        }
        return book;
    }

    private static List<SeriesKey> series(String text) {
        List<SeriesKey> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                series.add(new SeriesKey(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return series;
    }

    private static String lines(List<SeriesKey> series) {
        StringBuilder lines = new StringBuilder();
        for (SeriesKey key : series) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            lines.append(key.device()).append('\t').append(key.channel());
        }
        return lines.toString();
    }

    /** A book with no charts that will write to this file. */
    static ChartBook empty(Path file) {
        return new ChartBook(file);
    }

    synchronized java.util.Optional<ChartSelection> chart(String id) {
        return java.util.Optional.ofNullable(charts.get(id));
    }

    synchronized List<ChartSelection> charts() {
        return List.copyOf(charts.values());
    }

    /** Adds an empty chart with the lowest free id. */
    synchronized ChartSelection add() {
        int number = 1;
        while (charts.containsKey(ID_PREFIX + number)) {
            number++;
        }
        ChartSelection chart = ChartSelection.empty(ID_PREFIX + number);
        charts.put(chart.id(), chart);
        return chart;
    }

    synchronized void put(ChartSelection chart) {
        charts.put(chart.id(), chart);
    }

    synchronized void remove(String id) {
        charts.remove(id);
    }

    /**
     * Writes the book (to a temporary file first, so a crash leaves the old one whole). The charts
     * are copied under the book's monitor and written outside it, so that the EDT, which reads the
     * book, never waits for the disk; writes take turns, each with the latest copy.
     */
    void write() throws IOException {
        synchronized (writing) {
            store(copy());
        }
    }

    private synchronized Properties copy() {
        Properties properties = new Properties();
        properties.setProperty(CHARTS, String.join(",", charts.keySet()));
        for (ChartSelection chart : charts.values()) {
            properties.setProperty(chart.id() + SERIES, lines(chart.series()));
            properties.setProperty(chart.id() + WINDOW, chart.window().name());
            properties.setProperty(chart.id() + RIGHT, lines(chart.rightInOrder()));
        }
        return properties;
    }

    private void store(Properties properties) throws IOException {
        AtomicFiles.store(file, properties, "Fieldbench chart views");
    }
}
