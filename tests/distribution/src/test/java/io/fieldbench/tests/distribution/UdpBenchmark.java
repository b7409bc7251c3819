package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldbench.sim.SimulationResult;
import io.fieldbench.tests.distribution.BenchmarkFigures.Counted;

/**
 * The UDP benchmark: the same stream of 100-byte text datagrams from many source ports, sent on
 * loopback to (a) a raw Java receiver, the baseline, and (b) the whole bench (collector, text
 * decoder, registry, events, and the probe's counting consumer), each after the same warm-up, then
 * a paced run for loss and latency. Prints the figures side by side. Sends only to 127.0.0.1; stops by itself.
 * <p>
 * {@code mvn -B -q -f tests/distribution/pom.xml -Pbenchmark verify
 * [-Dbenchmark.datagrams=1000000] [-Dbenchmark.paced.rate=100000] [-Dbenchmark.paced.seconds=60]}
 */
public final class UdpBenchmark {

    private static final int DEVICES = 1_000;
    private static final int DATAGRAM_BYTES = 100;
    /** A receiver is done when its count has not moved for this long. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(50);
    /** Sent to each receiver first, at a modest pace, so that both are measured with their code compiled. */
    private static final long WARM_UP_DATAGRAMS = 200_000;
    private static final long WARM_UP_RATE = 50_000;
    private static final Pattern MEMORY = Pattern.compile("memory:\\s+(\\d+) MiB used");
    private static final Pattern RECORDED = Pattern.compile("written: (\\d+) samples");

    private final long datagrams = Long.getLong("benchmark.datagrams", 1_000_000);
    private final long pacedRate = Long.getLong("benchmark.paced.rate", 100_000);
    private final long pacedSeconds = Long.getLong("benchmark.paced.seconds", 60);

    public static void main(String[] args) throws Exception {
        new UdpBenchmark().run();
    }

    private void run() throws Exception {
        System.out.printf("UDP benchmark: %,d text datagrams of %d bytes from %,d source ports, on loopback, %d cores%n",
                datagrams, DATAGRAM_BYTES, DEVICES, Runtime.getRuntime().availableProcessors());
        Figures raw = baseline();
        Path temporary = Files.createTempDirectory("fieldbench-benchmark");
        Path home = Distribution.copyTo(temporary.resolve("fieldbench"));
        Files.copy(Distribution.probeJar(), home.resolve("deploy/probe.jar"));
        int port = BenchmarkFigures.freeUdpPort();
        try (BenchProcess bench = BenchProcess.start(home, Map.of(), "--headless", "--data", temporary.resolve("data").toString(),
                "--set", "io.fieldbench.udp.port=" + port)) {
            bench.awaitLine(line -> line.startsWith("Fieldbench started in"), "announcing the start");
            bench.askUntil("probe:samples", line -> line.startsWith("samples="), "the counting consumer");
            warmUp(port, () -> samples(bench).count());
            bench.askUntil("probe:reset", "reset"::equals, "the counter reset");
            Figures full = blast(port, () -> samples(bench).count());

            System.out.println();
            System.out.printf("%-28s %14s %10s%n", "", "datagrams/s", "loss");
            System.out.printf("%-28s %,14.0f %9.2f%%%n", "(a) raw Java receiver", raw.rate(), raw.lossPercent());
            System.out.printf("%-28s %,14.0f %9.2f%%%n", "(b) full bench pipeline", full.rate(), full.lossPercent());
            System.out.printf("%-28s %14.2f%n", "ratio (b)/(a)", full.rate() / raw.rate());

            bench.askUntil("probe:reset", "reset"::equals, "the counter reset");
            long recordedBefore = settle(() -> recorded(bench)).count;
            SimulationResult paced = send(port, pacedRate, pacedRate * pacedSeconds);
            long delivered = settle(() -> samples(bench).count()).count;
            long recorded = settle(() -> recorded(bench)).count - recordedBefore;
            Counted latency = samples(bench);
            bench.send("fb:status");
            Matcher memory = MEMORY.matcher(bench.awaitLine(line -> line.startsWith("memory:"), "the memory figure"));
            System.out.printf("%npaced %,d/s for %d s: sent %,d at %,.0f/s, delivered %,d, loss %.3f%%; "
                    + "receipt to delivered sample p50 %d us, p99 %d us; recorded to disk %,d (loss %.3f%%); bench heap %s MiB%n",
                    pacedRate, pacedSeconds, paced.sent(), paced.rate(), delivered, BenchmarkFigures.lossPercent(paced.sent(), delivered),
                    latency.p50(), latency.p99(), recorded, BenchmarkFigures.lossPercent(paced.sent(), recorded), memory.find() ? memory.group(1) : "?");
            bench.send("fb:shutdown");
            bench.awaitExit();
        }
    }

    private Figures baseline() throws Exception {
        try (RawReceiver receiver = new RawReceiver()) {
            warmUp(receiver.port(), receiver::received);
            long before = receiver.received();
            return blast(receiver.port(), () -> receiver.received() - before);
        }
    }

    private static void warmUp(int port, LongSupplier received) throws Exception {
        send(port, WARM_UP_RATE, WARM_UP_DATAGRAMS);
        settle(received);
    }

    /** Sends the stream as fast as the sender goes and measures what arrived, from first send to last arrival. */
    private Figures blast(int port, LongSupplier received) throws Exception {
        long start = System.nanoTime();
        SimulationResult sent = send(port, 0, datagrams);
        Settled settled = settle(received);
        return new Figures(sent.sent(), settled.count, settled.lastChangeNanos - start);
    }

    private static SimulationResult send(int port, long rate, long count) throws IOException {
        return BenchmarkFigures.send(port, DEVICES, DATAGRAM_BYTES, rate, count);
    }

    /** Polls a count until it has not moved for {@link #SETTLE}. */
    private static Settled settle(LongSupplier count) throws InterruptedException {
        long value = count.getAsLong();
        long changed = System.nanoTime();
        while (System.nanoTime() - changed < SETTLE.toNanos()) {
            Thread.sleep(POLL.toMillis()); // another process's counter: nothing to wait on
            long now = count.getAsLong();
            if (now != value) {
                value = now;
                changed = System.nanoTime();
            }
        }
        return new Settled(value, changed);
    }

    private static Counted samples(BenchProcess bench) {
        try {
            return BenchmarkFigures.samples(bench);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Samples the recorder has written since the bench started ({@code rec:status}). */
    private static long recorded(BenchProcess bench) {
        try {
            bench.send("rec:status");
            Matcher m = RECORDED.matcher(bench.awaitLine(line -> line.startsWith("written: "), "the recorder's count"));
            if (!m.find()) {
                throw new IllegalStateException("rec:status answered in an unknown form");
            }
            return Long.parseLong(m.group(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Figures(long sent, long received, long nanos) {
        double rate() {
            return received / (nanos / 1e9);
        }

        double lossPercent() {
            return BenchmarkFigures.lossPercent(sent, received);
        }
    }

    private record Settled(long count, long lastChangeNanos) {
    }
}
