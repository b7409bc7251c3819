package io.fieldbench.tests.distribution;

import java.awt.GraphicsEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.fieldbench.tests.distribution.BenchmarkTable.Better;
import io.fieldbench.tests.distribution.BenchmarkTable.Row;

/**
 * The start-up benchmark: the time from starting the process until (a) a headless bench has bound
 * its servers' ports (UDP collector, chat, files, image relay; all features, as a new data folder
 * starts), seen from outside in {@code /proc/net}, and (b) the workbench window is open (the time
 * of the shell's "Workbench window open" line in the bench's log; needs a display). Each beside
 * its baseline in the same run, {@link StartupBaseline} in a JVM of its own: a plain Java program
 * binding the same ports, or showing a plain Swing frame. The bench's ports are free loopback
 * ports written into its own data folder; one untimed start first (it seeds the data folder),
 * then cold starts, each a new JVM, bench and baseline taking turns.
 * <p>
 * {@code mvn -B -q -f tests/distribution/pom.xml -Pbenchmark test-compile exec:java@startup-benchmark [-Dbenchmark.startup.runs=5]}
 */
public final class StartupBenchmark {

    /** The settings of the servers a bench with every feature runs, which bind its default ports. */
    private static final String UDP_SERVER = "io.fieldbench.udp";
    private static final List<String> TCP_SERVERS = List.of("io.fieldbench.chat", "io.fieldbench.files", "io.fieldbench.imagerelay");
    private static final Duration HEADLESS_GOAL = Duration.ofMillis(1_000);
    private static final Duration WINDOW_GOAL = Duration.ofMillis(1_500);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** How often the ports and the log are looked at: fine beside the goals, light beside a starting JVM. */
    private static final long PROBE_MILLIS = 5;
    private static final String WINDOW_OPEN = "Workbench window open";
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    /** Lines of the bench's log that mark how far its start had come, and what each means. */
    private static final Map<String, String> MILESTONES = milestones();

    private final int runs = Integer.getInteger("benchmark.startup.runs", 5);

    /** How long one start took until ready, the resident memory then, and the log's milestones (ms from the start). */
    private record Timed(long millis, long rssKiB, Map<String, Long> milestones) {
    }

    /** Something to start and time; gives the wall-clock time (ms) it was ready. */
    @FunctionalInterface
    private interface Start {
        Timed run() throws Exception;
    }

    @FunctionalInterface
    private interface ReadyAt {
        /** The wall-clock time it became ready, or null while it is not yet. */
        Long probe() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        new StartupBenchmark().run();
    }

    private void run() throws Exception {
        System.out.printf("Start-up benchmark: %d cold starts each, after one untimed; %d cores%n", runs,
                Runtime.getRuntime().availableProcessors());
        Path temporary = ScratchFolder.deletedOnExit("fieldbench-startup-benchmark");
        Set<Integer> tcp = new LinkedHashSet<>();
        while (tcp.size() < TCP_SERVERS.size()) {
            tcp.add(BenchmarkFigures.freeTcpPort());
        }
        int udp = BenchmarkFigures.freeUdpPort();
        List<Integer> tcpPorts = List.copyOf(tcp);
        try (HeadlessBench copy = HeadlessBench.prepared()) {
            List<String> ports = portSettings(udp, tcpPorts);
            Path headlessData = temporary.resolve("headless");
            List<List<Timed>> headless = series(
                    () -> bench(copy.home(), headlessData, ports, true, tcp, Set.of(udp)),
                    () -> baselinePorts(udp, tcpPorts, tcp));
            report("headless: 4 ports bound", HEADLESS_GOAL, headless);
            if (GraphicsEnvironment.isHeadless()) {
                System.out.println("start-up of the window skipped: no display (run it under xvfb-run)");
                return;
            }
            Path windowData = temporary.resolve("window");
            List<List<Timed>> window = series(
                    () -> bench(copy.home(), windowData, ports, false, tcp, Set.of(udp)),
                    StartupBenchmark::baselineWindow);
            report("window open", WINDOW_GOAL, window);
        }
    }

    /** One untimed start of each, then bench and baseline in turns; the bench's starts first, the baseline's second. */
    private List<List<Timed>> series(Start bench, Start baseline) throws Exception {
        bench.run();
        baseline.run();
        List<Timed> benchTimes = new ArrayList<>();
        List<Timed> baselineTimes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            benchTimes.add(bench.run());
            baselineTimes.add(baseline.run());
        }
        return List.of(benchTimes, baselineTimes);
    }

    /** The bench from its distribution, with this data folder and its servers on these loopback ports. */
    private static Timed bench(Path home, Path data, List<String> ports, boolean headless, Set<Integer> tcp, Set<Integer> udp)
            throws Exception {
        awaitFree(tcp, udp);
        Path log = data.resolve("log/fieldbench.log");
        Files.deleteIfExists(log); // only this start's lines
        List<String> arguments = new ArrayList<>(headless ? List.of("--headless") : List.of());
        arguments.addAll(List.of("--data", data.toString()));
        arguments.addAll(ports);
        long start = System.currentTimeMillis();
        try (BenchProcess bench = BenchProcess.start(home, Map.of(), arguments.toArray(String[]::new))) {
            ReadyAt ready = headless
                    ? () -> BoundPorts.allBound(tcp, udp) ? System.currentTimeMillis() : null
                    : () -> logged(log, WINDOW_OPEN);
            long readyAt = await(ready, bench::isAlive, headless ? "the ports bound" : "the window open");
            long rss = BenchmarkTable.rssKiB(bench.pid());
            bench.send("fb:shutdown");
            bench.awaitExit();
            return new Timed(readyAt - start, rss, milestones(log, start));
        }
    }

    private static Timed baselinePorts(int udp, List<Integer> tcpPorts, Set<Integer> tcp) throws Exception {
        awaitFree(tcp, Set.of(udp));
        List<String> arguments = new ArrayList<>(List.of(StartupBaseline.PORTS, Integer.toString(udp)));
        tcpPorts.forEach(port -> arguments.add(Integer.toString(port)));
        long start = System.currentTimeMillis();
        Process baseline = baseline(arguments);
        return timed(baseline, start, () -> BoundPorts.allBound(tcp, Set.of(udp)) ? System.currentTimeMillis() : null);
    }

    private static Timed baselineWindow() throws Exception {
        long start = System.currentTimeMillis();
        Process baseline = baseline(List.of(StartupBaseline.WINDOW));
        CompletableFuture<Long> opened = CompletableFuture.supplyAsync(() -> openedAt(baseline));
        return timed(baseline, start, () -> opened.getNow(null));
    }

    private static Timed timed(Process baseline, long start, ReadyAt ready) throws Exception {
        try {
            long readyAt = await(ready, baseline::isAlive, "the baseline ready");
            long rss = BenchmarkTable.rssKiB(baseline.pid());
            baseline.getOutputStream().close(); // its end
            if (!baseline.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the baseline did not end with its input");
            }
            return new Timed(readyAt - start, rss, Map.of());
        } finally {
            baseline.destroyForcibly();
        }
    }

    /** {@link StartupBaseline} in a JVM of its own, as the bench has. */
    private static Process baseline(List<String> arguments) throws Exception {
        Path classes = Path.of(StartupBaseline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), StartupBaseline.class.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static Long openedAt(Process baseline) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(baseline.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                if (line.startsWith(StartupBaseline.OPENED_AT)) {
                    return Long.parseLong(line.substring(StartupBaseline.OPENED_AT.length()));
                }
            }
            return null;
        } catch (IOException ended) {
            return null;
        }
    }

    /** Looks until ready, every few milliseconds (another process: nothing to wait on but time); fails if it ends first. */
    private static long await(ReadyAt ready, BooleanSupplier alive, String what) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        for (Long at; System.nanoTime() < end; Thread.sleep(PROBE_MILLIS)) {
            if ((at = ready.probe()) != null) {
                return at;
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the process ended before " + what);
            }
        }
        throw new IllegalStateException("never saw " + what + " within " + DEADLINE.toSeconds() + " s");
    }

    /** The previous start's sockets are gone before the next is timed, so the ports seen bound are the new process's. */
    private static void awaitFree(Set<Integer> tcp, Set<Integer> udp) throws Exception {
        await(() -> BoundPorts.noneBound(tcp, udp) ? 0L : null, () -> true, "the ports free");
    }

    /** The time of the first log line with this text, or null while there is none. */
    private static Long logged(Path log, String text) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text)).findFirst()
                .map(StartupBenchmark::lineTime).orElse(null);
    }

    private static Map<String, Long> milestones(Path log, long start) throws IOException {
        Map<String, Long> reached = new LinkedHashMap<>();
        for (String text : MILESTONES.keySet()) {
            Long at = logged(log, text);
            if (at != null) {
                reached.put(text, at - start);
            }
        }
        return reached;
    }

    private static long lineTime(String line) {
        return LocalDateTime.parse(line.substring(0, 23), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    private static Map<String, String> milestones() {
        Map<String, String> milestones = new LinkedHashMap<>();
        milestones.put("org.apache.felix.log BundleEvent STARTED", "framework running, its first bundle started");
        milestones.put("io.fieldbench.core BundleEvent STARTED", "core feature started");
        milestones.put("io.fieldbench.shell BundleEvent STARTED", "shell started");
        milestones.put(WINDOW_OPEN, "window open");
        milestones.put("Features enabled:", "every user feature started");
        return milestones;
    }

    private void report(String what, Duration goal, List<List<Timed>> series) throws IOException {
        List<Timed> bench = sorted(series.get(0));
        List<Timed> baseline = sorted(series.get(1));
        Timed benchMedian = bench.get(bench.size() / 2);
        Timed baselineMedian = baseline.get(baseline.size() / 2);
        Timed benchWorst = bench.get(bench.size() - 1);
        Timed baselineWorst = baseline.get(baseline.size() - 1);
        System.out.printf("%nstart-up, %s (goal: %d ms): bench %s ms; baseline %s ms%n", what, goal.toMillis(), times(bench), times(baseline));
        System.out.println("  the bench's median start, ms from the process start:");
        benchMedian.milestones().forEach((text, at) -> System.out.printf("  %6d  %s%n", at, MILESTONES.get(text)));
        String figure = "start-up, " + what + " (goal " + goal.toMillis() + " ms): ";
        BenchmarkTable.add(new Row(figure + "median of " + runs, "ms", Better.LOWER, benchMedian.millis(), baselineMedian.millis(),
                benchMedian.rssKiB(), baselineMedian.rssKiB()));
        BenchmarkTable.add(new Row(figure + "worst of " + runs, "ms", Better.LOWER, benchWorst.millis(), baselineWorst.millis(),
                benchWorst.rssKiB(), baselineWorst.rssKiB()));
    }

    private static List<Timed> sorted(List<Timed> times) {
        return times.stream().sorted(Comparator.comparingLong(Timed::millis)).toList();
    }

    private static String times(List<Timed> sorted) {
        return String.join(", ", sorted.stream().map(t -> Long.toString(t.millis())).toList());
    }

    /** The settings that put the UDP collector and the TCP servers on these loopback ports. */
    private static List<String> portSettings(int udp, List<Integer> tcp) {
        List<String> settings = new ArrayList<>(server(UDP_SERVER, udp));
        for (int i = 0; i < TCP_SERVERS.size(); i++) {
            settings.addAll(server(TCP_SERVERS.get(i), tcp.get(i)));
        }
        return settings;
    }

    private static List<String> server(String pid, int port) {
        return List.of("--set", pid + ".port=" + port, "--set", pid + ".bind.address=127.0.0.1");
    }
}
