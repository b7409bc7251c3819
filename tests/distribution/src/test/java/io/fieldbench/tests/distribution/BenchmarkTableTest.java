package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fieldbench.tests.distribution.BenchmarkTable.Better;
import io.fieldbench.tests.distribution.BenchmarkTable.Row;

/**
 * The one table: a figure of one run as it was measured; a figure of several runs as the run with
 * the median ratio, whichever way the figure is better, with every run's ratio beside it.
 */
class BenchmarkTableTest {

    private static Row rate(double bench, double baseline, long rssKiB) {
        return new Row("rate", "/s", Better.HIGHER, bench, baseline, rssKiB, -1);
    }

    private static Row latency(double bench, double baseline) {
        return new Row("latency", "ms", Better.LOWER, bench, baseline, 2048, 1024);
    }

    @Test
    void aFigureOfOneRunIsShownAsMeasured() {
        assertEquals(List.of("| figure | bench | baseline | ratio (above 1: bench ahead) | RSS bench / baseline |",
                "|---|---:|---:|---:|---:|",
                "| latency | 20.00 ms | 10.00 ms | 0.50 | 2.0 MiB / 1.0 MiB |"),
                BenchmarkTable.table(List.of(latency(20, 10))));
    }

    @Test
    void aFigureOfSeveralRunsIsTheRunWithTheMedianRatioWithEveryRatioBesideIt() {
        List<String> table = BenchmarkTable.table(List.of(rate(150, 100, 1024), latency(20, 10), rate(90, 100, 2048),
                latency(10, 30), rate(200, 100, 3072), latency(10, 10)));

        assertEquals(List.of("| rate | 150 /s | 100 /s | **1.50** (of 0.90, 1.50, 2.00) | 1.0 MiB / - |",
                "| latency | 10.00 ms | 10.00 ms | **1.00** (of 0.50, 1.00, 3.00) | 2.0 MiB / 1.0 MiB |"),
                table.subList(2, table.size()));
    }

    @Test
    void ofAnEvenNumberOfRunsTheLowerOfTheMiddleTwoIsShown() {
        List<String> table = BenchmarkTable.table(List.of(rate(120, 100, 1024), rate(80, 100, 1024)));

        assertEquals("| rate | 80.00 /s | 100 /s | 0.80 (of 0.80, 1.20) | 1.0 MiB / - |", table.get(2));
    }
}
