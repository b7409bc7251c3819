package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.fieldbench.tests.distribution.Latencies.Window;

/**
 * The soak's verdict: noise within the margins and a warm-up that grows are flat; a thread a minute,
 * a heap that keeps growing, or resident memory that creeps past its margin are not.
 */
class SoakTableTest {

    private static final long MIB = 1024 * 1024;
    private static final int MINUTES = 30;

    /** A soak of {@link #MINUTES} minutes whose minute {@code m} had these figures. */
    private static SoakTable soak(IntFunction<SoakRow> minute) {
        SoakTable table = new SoakTable();
        for (int m = 0; m <= MINUTES; m++) {
            table.add(minute.apply(m));
        }
        return table;
    }

    private static SoakRow row(int minute, long residentMiB, long threads, long openFiles, long liveHeapMiB) {
        return new SoakRow(minute, residentMiB * 1024, new ProcessFigures(threads, openFiles, List.of("udp:1"), liveHeapMiB * MIB, 37, 40),
                Window.NONE, Window.NONE, Window.NONE, Window.NONE, Window.NONE, 0, 0, 0);
    }

    @Test
    void aWarmUpAndNoiseWithinTheMarginsAreFlat() {
        SoakTable table = soak(m -> m <= 1 ? row(m, 120 + 80 * m, 56 + 13 * m, 113 + 1104 * m, 10 + 5 * m)
                : row(m, 200 + m % 3 * 10, 69 + m % 2, 1217 + m % 4, 15 + m % 2));

        assertEquals(List.of(), table.grown(), table.comparison());
        assertTrue(table.comparison().startsWith("minutes 2–4 → 28–30 (medians):"), table.comparison());
    }

    @Test
    void aThreadEveryMinuteIsNotFlat() {
        List<String> grown = soak(m -> row(m, 200, 69 + m, 1217, 15)).grown();

        assertEquals(1, grown.size(), grown.toString());
        assertTrue(grown.get(0).startsWith("threads: 72 → 98"), grown.toString());
    }

    @Test
    void aHeapThatKeepsGrowingIsNotFlat() {
        List<String> grown = soak(m -> row(m, 200, 69, 1217, 15 + m / 5)).grown();

        assertEquals(1, grown.size(), grown.toString());
        assertTrue(grown.get(0).startsWith("live heap bytes:"), grown.toString());
    }

    @Test
    void residentMemoryPastItsMarginIsNotFlat() {
        List<String> grown = soak(m -> row(m, 200 + 2 * m, 69, 1217, 15)).grown();

        assertEquals(List.of("resident memory: 206.0 → 258.0 MiB (margin +20 %)"), grown);
    }
}
