package io.fieldbench.chart.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColumnRunTest {

    @Test
    void keepsMinAndMaxOfEachColumnInTimeOrder() {
        ColumnRun run = filled(50, new long[] {0, 10, 20, 30, 40, /* column 2 */ 60, 70, 80},
                new double[] {5, 9, 1, 4, 6, 3, 3, 3});

        SeriesPoints kept = emitted(run);

        assertArrayEquals(new long[] {10, 20, 60}, kept.times());
        assertArrayEquals(new double[] {9, 1, 3}, kept.values());
    }

    @Test
    void columnsAreAlignedToMultiplesOfTheirWidthNotToTheFirstPoint() {
        ColumnRun run = filled(100, new long[] {150, 199, 200}, new double[] {1, 2, 3});

        assertArrayEquals(new long[] {150, 199, 200}, emitted(run).times());
    }

    @Test
    void theOldestColumnFoldedAgainFromFewerPointsForgetsTheOthers() {
        // the ring's points 7, 8 and 9, and then point 7 leaves the ring
        ColumnRun run = filled(100, new long[] {10, 20, 30}, new double[] {9, 5, 6});

        run.restartOldest(8, 20, 5);
        run.foldOldest(30, 6);

        assertArrayEquals(new double[] {5, 6}, emitted(run).values());
        assertEquals(8, run.oldestSeq());
        assertEquals(10, run.oldestEndSeq());
    }

    @Test
    void theGridsWidthIsTheWidestStepNoWiderThanAPixel() {
        assertEquals(1, ColumnGrid.of(0, 999, 1000).width());
        assertEquals(3, ColumnGrid.of(0, 3_500, 1000).width());
        assertEquals(64, ColumnGrid.of(0, 100_000, 1400).width(), "71 ms a pixel");
        assertEquals(96, ColumnGrid.of(0, 160_000, 1400).width(), "114 ms a pixel");
        assertEquals(-2, ColumnGrid.of(-150, 0, 1).first(), "columns of negative times round down");
    }

    @Test
    void aKeptWidthStaysWhileNoWiderThanAPixelAndMoreThanHalfAsWide() {
        assertEquals(96, ColumnGrid.of(0, 182_000, 1400, 96).width(), "130 ms a pixel: 96 still fits");
        assertEquals(96, ColumnGrid.of(0, 177_800, 1400, 128).width(), "127 ms a pixel: 128 is too wide");
        assertEquals(128, ColumnGrid.of(0, 182_000, 1400, 64).width(), "130 ms a pixel: 64 is too narrow");
    }

    /** A run of the ring's points 7, 8, 9, …: sequence numbers as a ring past its first points gives them. */
    private static ColumnRun filled(long width, long[] times, double[] values) {
        ColumnRun run = new ColumnRun(width);
        for (int i = 0; i < times.length; i++) {
            run.add(7 + i, times[i], values[i]);
        }
        return run;
    }

    private static SeriesPoints emitted(ColumnRun run) {
        PointsBuilder out = new PointsBuilder(1);
        run.emitTo(out);
        return out.build(0);
    }
}
