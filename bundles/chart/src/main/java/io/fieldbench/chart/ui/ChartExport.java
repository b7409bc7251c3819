package io.fieldbench.chart.ui;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import javax.imageio.ImageIO;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.jfree.chart.JFreeChart;
import org.jfree.data.Range;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesPoints;
import io.fieldbench.chart.internal.SeriesStore;
import io.fieldbench.support.CsvTime;

/**
 * Saves what a chart shows: the picture as PNG, or the points of the checked channels in the
 * visible time range as CSV (every retained point, not the decimated ones). The user picks the
 * file on the EDT; the writing runs on the worker.
 */
final class ChartExport {

    static final String CSV_HEADER = "time,epoch_ms,device,channel,value";
    /** Written as the recorder's export writes it: local time with its offset. */
    private static final CsvTime TIME = new CsvTime(ZoneId.systemDefault());

    private ChartExport() {
    }

    static void png(Component parent, JFreeChart chart, Dimension size, Executor worker) {
        File file = choose(parent, "PNG picture", "png");
        if (file == null) {
            return;
        }
        // the chart reads its dataset on the EDT only; the encoding and writing can go elsewhere
        BufferedImage image = picture(chart, size);
        worker.execute(() -> {
            try {
                writePng(file.toPath(), image);
            } catch (IOException e) {
                failed(parent, file, e);
            }
        });
    }

    static void csv(Component parent, SeriesStore store, List<SeriesKey> series, Range range, Executor worker) {
        File file = choose(parent, "CSV table", "csv");
        if (file == null) {
            return;
        }
        worker.execute(() -> {
            try {
                writeCsv(file.toPath(), store, series, range);
            } catch (IOException e) {
                failed(parent, file, e);
            }
        });
    }

    /** The chart drawn at the size it has on screen (at least one pixel each way); on the EDT. */
    static BufferedImage picture(JFreeChart chart, Dimension size) {
        return chart.createBufferedImage(Math.max(1, size.width), Math.max(1, size.height));
    }

    static void writePng(Path file, BufferedImage image) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /** As {@link #writeCsv(Path, SeriesStore, List, long, long)}, for the points whose time lies in the range. */
    static void writeCsv(Path file, SeriesStore store, List<SeriesKey> series, Range range) throws IOException {
        writeCsv(file, store, series, (long) Math.ceil(range.getLowerBound()), (long) Math.floor(range.getUpperBound()));
    }

    /**
     * One row per point, in time order across the series (long format): ISO 8601 time, epoch
     * milliseconds, device, channel, value.
     */
    static void writeCsv(Path file, SeriesStore store, List<SeriesKey> series, long from, long to) throws IOException {
        List<SeriesPoints> points = new ArrayList<>();
        for (SeriesKey key : series) {
            points.add(store.points(key, from, to));
        }
        int[] next = new int[series.size()];
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.write(CSV_HEADER);
            out.write('\n');
            while (true) {
                int earliest = -1;
                for (int s = 0; s < series.size(); s++) {
                    if (next[s] < points.get(s).count() && (earliest < 0
                            || points.get(s).times()[next[s]] < points.get(earliest).times()[next[earliest]])) {
                        earliest = s;
                    }
                }
                if (earliest < 0) {
                    return;
                }
                long time = points.get(earliest).times()[next[earliest]];
                double value = points.get(earliest).values()[next[earliest]];
                next[earliest]++;
                SeriesKey key = series.get(earliest);
                out.write(TIME.text(Instant.ofEpochMilli(time)) + "," + time + "," + quoted(key.device()) + ","
                        + quoted(key.channel()) + "," + value + "\n");
            }
        }
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static File choose(Component parent, String description, String extension) {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileFilter(new FileNameExtensionFilter(description, extension));
        chooser.setSelectedFile(new File("chart." + extension));
        if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return null;
        }
        File file = chooser.getSelectedFile();
        return file.getName().contains(".") ? file : new File(file.getPath() + "." + extension);
    }

    private static void failed(Component parent, File file, IOException e) {
        SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(parent,
                "Could not write " + file + ": " + e.getMessage(), "Export failed", JOptionPane.ERROR_MESSAGE));
    }
}
