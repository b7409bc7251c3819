package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    @Test
    void readersNeverWaitForTheDiskWhileTheBookIsWritten() throws Exception {
        Path file = folder.resolve(ChartBook.FILE_NAME);
        Path temporary = file.resolveSibling(ChartBook.FILE_NAME + ".tmp");
        // a named pipe stands for a stalled disk: writing to it waits until someone reads
        assumeTrue(new ProcessBuilder("mkfifo", temporary.toString()).start().waitFor() == 0, "needs mkfifo");
        ChartBook book = ChartBook.empty(file);
        ChartSelection chart = book.add();

        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                book.write();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            assertEquals(List.of(chart), CompletableFuture.supplyAsync(book::charts).get(5, TimeUnit.SECONDS),
                    "the charts read while the write is stuck on the disk");
        } finally {
            try (InputStream drain = Files.newInputStream(temporary)) {
                drain.readAllBytes(); // the disk comes back
            }
            writing.get(5, TimeUnit.SECONDS);
        }
    }
}
