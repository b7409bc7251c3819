package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

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
    void theRightAxisChoiceComesBackWithTheSelection() throws IOException {
        Path file = folder.resolve(ChartBook.FILE_NAME);
        ChartBook book = ChartBook.read(file);
        ChartSelection chart = book.add();
        SeriesKey temp = new SeriesKey("dev-1", "temp");
        SeriesKey pressure = new SeriesKey("[::1]:5000", "pressure\tkPa");
        SeriesKey unchecked = new SeriesKey("dev-2", "flow, l/min");
        // the choice of an unchecked channel is kept too: checking it again puts it back on the right
        ChartSelection chosen = chart.withSeries(List.of(temp, pressure)).withRight(Set.of(pressure, unchecked));
        book.put(chosen);
        book.write();

        ChartSelection reread = ChartBook.read(file).chart(chart.id()).orElseThrow();

        assertEquals(chosen, reread);
        assertEquals(Set.of(pressure, unchecked), reread.right());
        assertTrue(reread.onRight(pressure));
        assertFalse(reread.onRight(temp));
    }

    @Test
    void aFileWrittenBeforeTheRightAxisPutsEveryChannelOnTheLeft() throws IOException {
        Path file = folder.resolve(ChartBook.FILE_NAME);
        Files.writeString(file, "charts=chart-1\nchart-1.window=ONE_HOUR\nchart-1.series=dev-1\\ttemp\n");

        ChartSelection chart = ChartBook.read(file).chart("chart-1").orElseThrow();

        assertEquals(List.of(new SeriesKey("dev-1", "temp")), chart.series());
        assertEquals(Set.of(), chart.right());
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
