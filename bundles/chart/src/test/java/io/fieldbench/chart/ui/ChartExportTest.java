package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesStore;
import io.fieldbench.support.CsvTime;

class ChartExportTest {

    private static final long START = 1_700_000_000_000L;
    private static final int POINTS = 10;
    private static final SeriesKey ONE_TEMP = new SeriesKey("dev-1", "temp");
    private static final SeriesKey ONE_HUMIDITY = new SeriesKey("dev-1", "humidity");
    private static final SeriesKey TWO_TEMP = new SeriesKey("dev-2", "temp, °C");

    @TempDir
    Path folder;

    @Test
    void csvHoldsExactlyTheCheckedSeriesPointsInTheVisibleRange() throws IOException {
        SeriesStore store = new SeriesStore(1_000);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            samples.add(sample("dev-1", START + i, Map.of("temp", i + 0.5, "humidity", 40.0 + i)));
            samples.add(sample("dev-2", START + i, Map.of("temp, °C", -i - 0.25)));
        }
        store.append(samples);
        Path file = folder.resolve("chart.csv");
        // the axis range has fractions of a millisecond: only whole milliseconds inside it count
        Range visible = new Range(START + 2.5, START + 6.7);

        ChartExport.writeCsv(file, store, List.of(ONE_TEMP, TWO_TEMP), visible);

        List<String> expected = new ArrayList<>();
        expected.add(ChartExport.CSV_HEADER);
        for (int i = 3; i <= 6; i++) {
            // local time with its offset, as the recorder's export writes it
            String time = new CsvTime(ZoneId.systemDefault()).text(Instant.ofEpochMilli(START + i)) + "," + (START + i);
            expected.add(time + ",dev-1,temp," + (i + 0.5));
            expected.add(time + ",dev-2,\"temp, °C\"," + (-i - 0.25));
        }
        assertEquals(expected, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void csvOfARangeWithoutPointsHasOnlyTheHeader() throws IOException {
        SeriesStore store = new SeriesStore(1_000);
        store.append(List.of(sample("dev-1", START, Map.of("temp", 1.0))));
        Path file = folder.resolve("empty.csv");

        ChartExport.writeCsv(file, store, List.of(ONE_TEMP, ONE_HUMIDITY), new Range(START + 1, START + 100));

        assertEquals(List.of(ChartExport.CSV_HEADER), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void pngIsADecodableImageOfTheChartsSize() throws IOException {
        DrawnDataset dataset = new DrawnDataset();
        SeriesStore store = new SeriesStore(1_000);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            samples.add(sample("dev-1", START + i, Map.of("temp", i * 1.0)));
        }
        store.append(samples);
        dataset.replace(List.of(ONE_TEMP), List.of(store.points(ONE_TEMP, START, START + POINTS)));
        JFreeChart chart = new JFreeChart(new XYPlot(dataset, new DateAxis(), new NumberAxis(), new PolylineRenderer()));
        Path file = folder.resolve("chart.png");

        ChartExport.writePng(file, ChartExport.picture(chart, new Dimension(640, 400)));

        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "not a PNG ImageIO can read");
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    private static Sample sample(String device, long time, Map<String, Double> channels) {
        return new Sample(device, new InetSocketAddress("127.0.0.1", 5000), Instant.ofEpochMilli(time), "text",
                OptionalLong.empty(), channels, Map.of(), 20);
    }
}
