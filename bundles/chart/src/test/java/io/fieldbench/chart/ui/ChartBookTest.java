package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fieldbench.chart.internal.SeriesKey;

class ChartBookTest {

    @TempDir
    Path folder;

    @Test
    void chartsAndTheirSelectionsComeBackAfterARestart() throws IOException {
        Path file = folder.resolve(ChartBook.FILE_NAME);
        ChartBook book = ChartBook.read(file);
        ChartSelection first = book.add();
        ChartSelection second = book.add();
        // names with the separators of the file format in them
        List<SeriesKey> series = List.of(new SeriesKey("[::1]:5000", "temp, °C"), new SeriesKey("dev=1", "a\tb"));
        book.put(second.withSeries(series).withWindow(TimeWindow.TEN_MINUTES));
        book.write();

        ChartBook reread = ChartBook.read(file);

        assertEquals(List.of(first, new ChartSelection("chart-2", series, TimeWindow.TEN_MINUTES)), reread.charts());
    }

    @Test
    void aNewChartTakesTheLowestFreeNumber() throws IOException {
        ChartBook book = ChartBook.read(folder.resolve(ChartBook.FILE_NAME));
        book.add();
        book.add();
        book.add();
        book.remove("chart-2");

        assertEquals("chart-2", book.add().id());
    }

    @Test
    void aMissingFileIsAnEmptyBook() throws IOException {
        assertEquals(List.of(), ChartBook.read(folder.resolve("none.properties")).charts());
    }
}
