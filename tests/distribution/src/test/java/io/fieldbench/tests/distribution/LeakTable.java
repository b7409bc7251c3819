package io.fieldbench.tests.distribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of the leak tests as a Markdown table: a row for what was cycled, how often and how
 * long that took, with the bench's figures before → after and whether they held their margins.
 */
final class LeakTable {

    private static final double MIB = 1024.0 * 1024.0;

    private record Row(String what, int cycles, Duration took, ProcessFigures before, ProcessFigures after, List<String> leaks) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** Adds a row: what was cycled, how often, how long the cycles took, the figures before and after them. */
    void add(String what, int cycles, Duration took, ProcessFigures before, ProcessFigures after) {
        rows.add(new Row(what, cycles, took, before, after, LeakMargins.exceeded(before, after)));
    }

    /** Every row's leaks, "what: leak", for one assertion over the whole table. */
    List<String> leaks() {
        return rows.stream().flatMap(row -> row.leaks().stream().map(leak -> row.what() + ": " + leak)).toList();
    }

    String markdown() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "| cycled | cycles | took | threads (+%d) | open files (+%d) | TCP listening + UDP sockets (±%d) | live heap after GC, MiB (+%.0f %%) | bundle class loaders (+%d) | bundle records (+%d) | held |%n",
                LeakMargins.THREADS, LeakMargins.OPEN_FILES, LeakMargins.PORTS, LeakMargins.HEAP_GROWTH * 100,
                LeakMargins.BUNDLE_CLASS_LOADERS, LeakMargins.BUNDLE_RECORDS));
        text.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %.1f s | %d → %d | %d → %d | %d → %d | %.1f → %.1f | %d → %d | %d → %d | %s |%n",
                    row.what(), row.cycles(), row.took().toMillis() / 1000.0, row.before().threads(), row.after().threads(),
                    row.before().openFiles(), row.after().openFiles(), row.before().ports().size(), row.after().ports().size(),
                    row.before().liveHeapBytes() / MIB, row.after().liveHeapBytes() / MIB, row.before().bundleClassLoaders(),
                    row.after().bundleClassLoaders(), row.before().bundleRecords(), row.after().bundleRecords(),
                    row.leaks().isEmpty() ? "yes" : "**no**"));
        }
        return text.toString();
    }
}
