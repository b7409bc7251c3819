package io.fieldbench.tests.distribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The soak's minutes as a Markdown table, and whether the bench stayed flat: the figures of the
 * last minutes against those of the first minutes after the warm-up, each the median of its
 * minutes, within {@link LeakMargins} (threads, open files, ports, live heap, bundle class
 * loaders) and {@link #RESIDENT_GROWTH}. Latencies are shown, not judged: on a shared machine they
 * follow the other work on it.
 */
final class SoakTable {

    /**
     * Resident memory is more than the live heap: the heap the JVM keeps committed, which it sizes
     * after each collection, and code and class metadata that grow as more is compiled; so it moves
     * while the live heap is flat. A leak of heap or of native memory grows past this as minutes go on.
     */
    static final double RESIDENT_GROWTH = 0.20;
    /** The first minute fills pools, loads classes and compiles: it is shown, not judged. */
    private static final int WARM_UP_MINUTES = 1;
    /** The most minutes compared at each end; fewer in a short run, so the two ends never overlap. */
    private static final int COMPARED_MINUTES = 3;
    private static final double MIB = 1024.0 * 1024.0;

    private final List<SoakRow> rows = new ArrayList<>();

    void add(SoakRow row) {
        rows.add(row);
    }

    /** The table's header, for a run that prints each row as it comes. */
    static String header() {
        return """
                | min | RSS, MiB | live heap, MiB | threads | open files | chat echo, ms | broadcast, ms | file pass, ms \
                | upload → stored, ms | UDP receipt → delivery, ms | datagrams | lost | errors |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|
                """;
    }

    /** One row of the table (latencies as p50 / p99). */
    static String markdown(SoakRow row) {
        ProcessFigures f = row.figures();
        return String.format(Locale.ROOT, "| %d | %.1f | %.1f | %d | %d | %s | %s | %s | %s | %s | %,d | %d | %d |%n", row.minute(),
                row.residentKiB() / 1024.0, f.liveHeapBytes() / MIB, f.threads(), f.openFiles(), row.echo().text(),
                row.broadcast().text(), row.files().text(), row.upload().text(), row.udp().text(), row.datagrams(), row.lost(),
                row.errors());
    }

    String markdown() {
        StringBuilder text = new StringBuilder(header());
        rows.forEach(row -> text.append(markdown(row)));
        return text.toString();
    }

    /** The start and the end that are compared, as "minutes 2–4 → 28–30: figure start → end (margin), ...". */
    String comparison() {
        List<SoakRow> start = start();
        List<SoakRow> end = end();
        ProcessFigures first = median(start);
        ProcessFigures last = median(end);
        return String.format(Locale.ROOT, "minutes %s → %s (medians): RSS %.1f → %.1f MiB (+%.0f %%), live heap %.1f → %.1f MiB"
                + " (+%.0f %%), threads %d → %d (+%d), open files %d → %d (+%d), ports %d → %d, bundle class loaders %d → %d (+%d)",
                span(start), span(end), resident(start) / 1024.0, resident(end) / 1024.0, RESIDENT_GROWTH * 100,
                first.liveHeapBytes() / MIB, last.liveHeapBytes() / MIB, LeakMargins.HEAP_GROWTH * 100, first.threads(), last.threads(),
                LeakMargins.THREADS, first.openFiles(), last.openFiles(), LeakMargins.OPEN_FILES, first.ports().size(),
                last.ports().size(), first.bundleClassLoaders(), last.bundleClassLoaders(), LeakMargins.BUNDLE_CLASS_LOADERS);
    }

    /** Each figure that ended above its margin, as "what: start → end (margin)"; empty when the bench stayed flat. */
    List<String> grown() {
        List<String> grown = new ArrayList<>(LeakMargins.exceeded(median(start()), median(end())));
        long before = resident(start());
        long after = resident(end());
        if (after > before * (1 + RESIDENT_GROWTH)) {
            grown.add(String.format(Locale.ROOT, "resident memory: %.1f → %.1f MiB (margin +%.0f %%)", before / 1024.0, after / 1024.0,
                    RESIDENT_GROWTH * 100));
        }
        return grown;
    }

    private List<SoakRow> judged() {
        return rows.stream().filter(row -> row.minute() > WARM_UP_MINUTES).toList();
    }

    private List<SoakRow> start() {
        List<SoakRow> judged = judged();
        return judged.subList(0, compared(judged));
    }

    private List<SoakRow> end() {
        List<SoakRow> judged = judged();
        return judged.subList(judged.size() - compared(judged), judged.size());
    }

    private static int compared(List<SoakRow> judged) {
        return Math.max(1, Math.min(COMPARED_MINUTES, judged.size() / 3));
    }

    private static String span(List<SoakRow> minutes) {
        int first = minutes.get(0).minute();
        int last = minutes.get(minutes.size() - 1).minute();
        return first == last ? Integer.toString(first) : first + "–" + last;
    }

    /** Each figure's median over the minutes; the ports of the median minute by live heap. */
    private static ProcessFigures median(List<SoakRow> minutes) {
        List<ProcessFigures> figures = minutes.stream().map(SoakRow::figures).toList();
        return new ProcessFigures(median(figures, ProcessFigures::threads), median(figures, ProcessFigures::openFiles),
                figures.stream().sorted(Comparator.comparingLong(ProcessFigures::liveHeapBytes)).toList().get(figures.size() / 2).ports(),
                median(figures, ProcessFigures::liveHeapBytes), median(figures, ProcessFigures::bundleClassLoaders),
                median(figures, ProcessFigures::bundleRecords));
    }

    private static long resident(List<SoakRow> minutes) {
        return median(minutes, SoakRow::residentKiB);
    }

    private static <T> long median(List<T> values, ToLongFunction<T> figure) {
        return values.stream().mapToLong(figure).sorted().skip(values.size() / 2).findFirst().orElseThrow();
    }
}
