package io.fieldbench.tests.distribution;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldbench.sim.SimulationResult;
import io.fieldbench.tests.distribution.BenchmarkFigures.Counted;
import io.fieldbench.tests.distribution.BenchmarkTable.Better;
import io.fieldbench.tests.distribution.BenchmarkTable.Row;

/**
 * The bridge benchmark, end to end: 100-byte text datagrams from many devices go by UDP into a
 * collecting bench ({@code udp,decoders,bridge}), which publishes them through a real Mosquitto on
 * loopback to a watching bench ({@code bridge,registry,recorder}) where the probe counts the
 * samples delivered and their latency from the collector's receipt. The baseline, in the same
 * run and through the same broker: {@code mosquitto_pub} to {@code mosquitto_sub} moving the
 * bench's own messages (one captured from its stream) at the same message rate, QoS 1. Sends
 * only to 127.0.0.1; stops by itself.
 * <p>
 * {@code mvn -B -q -f tests/distribution/pom.xml -Pbenchmark-bridge verify [-Dbenchmark.rate=100000] [-Dbenchmark.seconds=60]}
 * (with {@code -Dbenchmark.table=FILE} its rows join the one table, see {@link BenchmarkTable})
 */
public final class BridgeBenchmark {

    private static final int DEVICES = 1_000;
    private static final int DATAGRAM_BYTES = 100;
    private static final long WARM_UP_DATAGRAMS = 200_000;
    private static final long WARM_UP_RATE = 50_000;
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Pattern PUBLISHED = Pattern.compile("published: (\\d+) messages, (\\d+) samples");
    private static final Pattern MEMORY = Pattern.compile("memory:\\s+(\\d+) MiB used");
    private static final String BRIDGE = "io.fieldbench.bridge";

    private final long rate = Long.getLong("benchmark.rate", 100_000);
    private final long seconds = Long.getLong("benchmark.seconds", 60);

    public static void main(String[] args) throws Exception {
        new BridgeBenchmark().run();
    }

    private void run() throws Exception {
        System.out.printf("Bridge benchmark: %,d text datagrams/s of %d bytes from %,d devices for %d s, through Mosquitto on"
                + " loopback, %d cores%n", rate, DATAGRAM_BYTES, DEVICES, seconds, Runtime.getRuntime().availableProcessors());
        Path temporary = ScratchFolder.deletedOnExit("fieldbench-bridge-benchmark");
        try (Mosquitto broker = Mosquitto.anonymous(temporary.resolve("broker"));
                HeadlessBench collectorHome = HeadlessBench.prepared();
                HeadlessBench watcherHome = HeadlessBench.prepared()) {
            Files.copy(Distribution.probeJar(), watcherHome.home().resolve("deploy/probe.jar"));
            BenchProcess watcher = watcherHome.start("--features", "bridge,registry,recorder", "--set", BRIDGE + ".broker=" + broker.uri(),
                    "--set", BRIDGE + ".site=lab", "--set", BRIDGE + ".subscribe=field", "--set", BRIDGE + ".publish=false");
            int port = BenchmarkFigures.freeUdpPort();
            BenchProcess collector = collectorHome.start("--features", "udp,decoders,bridge", "--set", "io.fieldbench.udp.port=" + port,
                    "--set", "io.fieldbench.udp.bind.address=127.0.0.1", "--set", BRIDGE + ".broker=" + broker.uri(),
                    "--set", BRIDGE + ".site=field");
            watcher.askUntil("bridge:status", line -> line.startsWith("connected"), "the watcher connected");
            collector.askUntil("bridge:status", line -> line.startsWith("connected"), "the collector connected");
            watcher.askUntil("probe:samples", line -> line.startsWith("samples="), "the counting consumer");

            send(port, WARM_UP_RATE, WARM_UP_DATAGRAMS);
            settle(watcher);
            watcher.askUntil("probe:reset", "reset"::equals, "the counter reset");
            long[] publishedBefore = published(collector);

            CompletableFuture<String> captured = capture(broker, "fieldbench/field/samples");
            SimulationResult sent = send(port, rate, rate * seconds);
            Counted delivered = settle(watcher);
            long[] publishedAfter = published(collector);
            long messages = publishedAfter[0] - publishedBefore[0];
            String received = ask(watcher, "bridge:status", "received from");
            String collectorMemory = memory(collector);
            String watcherMemory = memory(watcher);
            long benchesRss = BenchmarkTable.rssKiB(collector.pid()) + BenchmarkTable.rssKiB(watcher.pid());

            double messageRate = messages / (double) seconds;
            String message = captured.get(10, TimeUnit.SECONDS);
            BaselineRun baselineRun = baseline(broker, message, messageRate, messages);
            Counted baseline = baselineRun.delivered();
            long brokerRss = BenchmarkTable.rssKiB(broker.pid());
            long samplesPerMessage = messages == 0 ? 0 : (publishedAfter[1] - publishedBefore[1]) / messages;

            System.out.printf("%n%d s at %,d samples/s: %,d messages of %,d samples (%,d bytes) each, %.1f messages/s%n%n",
                    seconds, rate, messages, samplesPerMessage, message.length(), messageRate);
            System.out.printf("%-52s %12s %9s %10s %10s%n", "", "samples/s", "loss", "p50", "p99");
            System.out.printf("%-52s %,12.0f %8.3f%% %7.1f ms %7.1f ms%n", "(a) mosquitto_pub -> Mosquitto -> mosquitto_sub",
                    baseline.count() * (double) samplesPerMessage / seconds, BenchmarkFigures.lossPercent(messages, baseline.count()),
                    baseline.p50() / 1000.0, baseline.p99() / 1000.0);
            System.out.printf("%-52s %,12.0f %8.3f%% %7.1f ms %7.1f ms%n", "(b) UDP -> collecting bench -> Mosquitto -> watcher",
                    delivered.count() / (double) seconds, BenchmarkFigures.lossPercent(sent.sent(), delivered.count()), delivered.p50() / 1000.0,
                    delivered.p99() / 1000.0);
            System.out.printf("%nsent %,d datagrams at %,.0f/s; watcher: %s; heap used: collector %s MiB, watcher %s MiB%n",
                    sent.sent(), sent.rate(), received, collectorMemory, watcherMemory);
            System.out.printf("RSS: collector and watcher %s, mosquitto_pub and _sub %s, Mosquitto %s%n", BenchmarkTable.mib(benchesRss),
                    BenchmarkTable.mib(baselineRun.rssKiB()), BenchmarkTable.mib(brokerRss));
            System.out.println("(a) times stdin of mosquitto_pub to stdout of mosquitto_sub; (b) the collector's receipt of a"
                    + " datagram to its delivery in the watcher, including the bridge's batching (batch.millis, 50 ms)");
            addRows(delivered.count() / (double) seconds, delivered, baseline.count() * (double) samplesPerMessage / seconds, baseline,
                    benchesRss, baselineRun.rssKiB());
        }
    }

    /**
     * The run's rows: the benches' path beside the baseline's, RSS of both benches beside that of mosquitto_pub and
     * mosquitto_sub. The broker, which both paths share, is in the printed figures only: a figure's name stays the
     * same from run to run, so that the table can put the runs of one figure together.
     */
    private void addRows(double benchRate, Counted bench, double baselineRate, Counted baseline, long benchesRss, long baselineRss)
            throws IOException {
        BenchmarkTable.add(new Row(String.format(Locale.ROOT, "bridge: UDP → bench → Mosquitto → bench vs mosquitto_pub → _sub, %,d samples/s"
                + " for %d s: delivered", rate, seconds), "samples/s", Better.HIGHER,
                benchRate, baselineRate, benchesRss, baselineRss));
        BenchmarkTable.add(new Row("bridge: latency p50", "ms", Better.LOWER, bench.p50() / 1000.0, baseline.p50() / 1000.0, benchesRss,
                baselineRss));
        BenchmarkTable.add(new Row("bridge: latency p99", "ms", Better.LOWER, bench.p99() / 1000.0, baseline.p99() / 1000.0, benchesRss,
                baselineRss));
    }

    /** What the baseline delivered, and the resident memory of mosquitto_pub and mosquitto_sub together while they ran. */
    private record BaselineRun(Counted delivered, long rssKiB) {
    }

    /** mosquitto_pub reading one message a line at the bench's message rate, mosquitto_sub printing each with its arrival time. */
    private static BaselineRun baseline(Mosquitto broker, String message, double messageRate, long count) throws Exception {
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()), "-q", "1",
                "-t", "baseline", "-C", Long.toString(count), "-F", "%U %p").start();
        CompletableFuture<List<Long>> latencies = CompletableFuture.supplyAsync(() -> readLatencies(sub));
        Thread.sleep(500); // let the subscriber's SUBSCRIBE reach the broker: nothing to wait on from outside
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()), "-q", "1",
                "-t", "baseline", "-l").redirectErrorStream(true).start();
        long rss;
        try (BufferedWriter lines = new BufferedWriter(new OutputStreamWriter(pub.getOutputStream(), StandardCharsets.UTF_8))) {
            long interval = (long) (1e9 / messageRate);
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                LockSupport.parkNanos(start + i * interval - System.nanoTime());
                lines.write(epochMicros() + " " + message);
                lines.newLine();
                lines.flush();
            }
            rss = BenchmarkTable.rssKiB(pub.pid()) + BenchmarkTable.rssKiB(sub.pid());
        }
        pub.waitFor(30, TimeUnit.SECONDS);
        List<Long> all;
        try {
            all = latencies.get(SETTLE.toSeconds() * 10, TimeUnit.SECONDS);
        } finally {
            sub.destroy();
        }
        Collections.sort(all);
        return new BaselineRun(new Counted(all.size(), percentile(all, 50), percentile(all, 99)), rss);
    }

    private static List<Long> readLatencies(Process sub) {
        List<Long> latencies = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                String[] parts = line.split(" ", 3);
                long arrived = (long) (Double.parseDouble(parts[0]) * 1e6);
                latencies.add(arrived - Long.parseLong(parts[1]));
            }
        } catch (IOException e) {
            // the subscriber ended
        }
        return latencies;
    }

    /** One message of the bench's stream, as the broker carries it. */
    private static CompletableFuture<String> capture(Mosquitto broker, String topic) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                        "-t", topic, "-C", "3").start();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8))) {
                    in.readLine();
                    in.readLine(); // the first may be a part batch; the third is a whole one at the stream's pace
                    return in.readLine();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static SimulationResult send(int port, long rate, long count) throws IOException {
        return BenchmarkFigures.send(port, DEVICES, DATAGRAM_BYTES, rate, count);
    }

    /** The watcher's probe count once it has not moved for {@link #SETTLE}. */
    private static Counted settle(BenchProcess watcher) throws InterruptedException {
        Counted last = BenchmarkFigures.samples(watcher);
        long changed = System.nanoTime();
        while (System.nanoTime() - changed < SETTLE.toNanos()) {
            Thread.sleep(100); // another process's counter: nothing to wait on
            Counted now = BenchmarkFigures.samples(watcher);
            if (now.count() != last.count()) {
                changed = System.nanoTime();
            }
            last = now;
        }
        return last;
    }

    private static long[] published(BenchProcess collector) throws InterruptedException {
        Matcher m = PUBLISHED.matcher(ask(collector, "bridge:status", "published: "));
        if (!m.find()) {
            throw new IllegalStateException("bridge:status answered in an unknown form");
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    private static String ask(BenchProcess bench, String command, String start) throws InterruptedException {
        return bench.ask(command, line -> line.startsWith(start), "the line " + start);
    }

    private static String memory(BenchProcess bench) throws InterruptedException {
        Matcher m = MEMORY.matcher(ask(bench, "fb:status", "memory:"));
        return m.find() ? m.group(1) : "?";
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

}
