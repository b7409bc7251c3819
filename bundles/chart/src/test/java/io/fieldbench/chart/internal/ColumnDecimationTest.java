package io.fieldbench.chart.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColumnDecimationTest {

    @Test
    void keepsMinAndMaxOfEachColumnInTimeOrder() {
        ColumnDecimation decimation = new ColumnDecimation(0, 100, 2);
        double[] values = {5, 9, 1, 4, 6, /* column 2 */ 3, 3, 3};
        long[] times = {0, 10, 20, 30, 40, 60, 70, 80};
        for (int i = 0; i < times.length; i++) {
            decimation.add(times[i], values[i]);
        }

        SeriesPoints kept = decimation.result();

        assertArrayEquals(new long[] {10, 20, 60}, kept.times());
        assertArrayEquals(new double[] {9, 1, 3}, kept.values());
        assertEquals(8, kept.raw());
    }

    @Test
    void aColumnWithOnePointKeepsIt() {
        ColumnDecimation decimation = new ColumnDecimation(0, 100, 10);
        decimation.add(55, 1.5);

        SeriesPoints kept = decimation.result();

        assertArrayEquals(new long[] {55}, kept.times());
    }
}
