package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one table of every benchmark: each benchmark adds its figures as rows (the bench's value beside the
 * baseline's, measured in the same run, and the resident memory of both), and {@link #main} prints them
 * together at the end of the run. The rows go to the file named by {@code -Dbenchmark.table}, one
 * tab-separated line each (figure, unit, better, bench, baseline, bench RSS, baseline RSS), so that
 * benchmarks in other modules and other JVMs can add theirs; without that property rows are only printed.
 */
public final class BenchmarkTable {

    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final String UNKNOWN = "-";

    /** Which way a figure is better: a rate higher, a time or a loss lower. */
    public enum Better { HIGHER, LOWER }

    /**
     * One figure of the bench beside its baseline's; RSS in KiB, or -1 where it does not apply.
     */
    public record Row(String figure, String unit, Better better, double bench, double baseline, long benchRssKiB, long baselineRssKiB) {

        /** How far ahead the bench is: above 1 it is ahead of its baseline, whichever way the figure is better. */
        public double ratio() {
            return better == Better.HIGHER ? bench / baseline : baseline / bench;
        }

        String line() {
            return String.join("\t", figure, unit, better.name(), Double.toString(bench), Double.toString(baseline),
                    Long.toString(benchRssKiB), Long.toString(baselineRssKiB));
        }

        static Row parse(String line) {
            String[] f = line.split("\t");
            return new Row(f[0], f[1], Better.valueOf(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]));
        }
    }

    private BenchmarkTable() {
    }

    /** Adds a row to the run's table (and prints it, so a benchmark run on its own shows it too). */
    public static void add(Row row) throws IOException {
        System.out.println("table: " + format(row));
        String file = System.getProperty("benchmark.table");
        if (file != null && !file.isBlank()) {
            Files.writeString(Path.of(file), row.line() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** The resident memory of a process (Linux), in KiB; -1 if it cannot be read. */
    public static long rssKiB(long pid) {
        try {
            Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException gone) {
            return -1;
        }
    }

    /** KiB as MiB for a person, or "-" when unknown. */
    public static String mib(long kib) {
        return kib < 0 ? UNKNOWN : String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    /**
     * Prints the table of the rows in the file given as the only argument, each figure where it was first added.
     * A figure measured in several runs (one run after another, the rows of each added to the same file) is one
     * row: the run with the median ratio, the ratios of every run beside it.
     */
    public static void main(String[] args) throws IOException {
        System.out.println();
        table(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).map(Row::parse).toList()).forEach(System.out::println);
    }

    static List<String> table(List<Row> rows) {
        Map<String, List<Row>> runs = new LinkedHashMap<>();
        rows.forEach(row -> runs.computeIfAbsent(row.figure(), figure -> new ArrayList<>()).add(row));
        List<String> lines = new ArrayList<>();
        lines.add("| figure | bench | baseline | ratio (above 1: bench ahead) | RSS bench / baseline |");
        lines.add("|---|---:|---:|---:|---:|");
        runs.values().forEach(figure -> lines.add(markdown(figure)));
        return lines;
    }

    /** The run with the median ratio (of an even number of runs, the lower of the middle two), then every run's ratio. */
    private static String markdown(List<Row> runs) {
        List<Row> byRatio = runs.stream().sorted(Comparator.comparingDouble(Row::ratio)).toList();
        Row row = byRatio.get((byRatio.size() - 1) / 2);
        String ratio = String.format(Locale.ROOT, "%.2f", row.ratio());
        String cell = row.ratio() >= 1 ? "**" + ratio + "**" : ratio;
        if (runs.size() > 1) {
            cell += byRatio.stream().map(run -> String.format(Locale.ROOT, "%.2f", run.ratio()))
                    .collect(Collectors.joining(", ", " (of ", ")"));
        }
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s / %s |", row.figure(), value(row.bench(), row.unit()),
                value(row.baseline(), row.unit()), cell, mib(row.benchRssKiB()), mib(row.baselineRssKiB()));
    }

    private static String format(Row row) {
        return String.format(Locale.ROOT, "%s: bench %s, baseline %s, ratio %.2f, RSS %s / %s", row.figure(),
                value(row.bench(), row.unit()), value(row.baseline(), row.unit()), row.ratio(), mib(row.benchRssKiB()),
                mib(row.baselineRssKiB()));
    }

    private static String value(double value, String unit) {
        String number = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
