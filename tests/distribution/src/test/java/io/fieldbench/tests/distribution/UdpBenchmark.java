package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldbench.sim.SimulationResult;
import io.fieldbench.tests.distribution.BenchmarkFigures.Counted;
import io.fieldbench.tests.distribution.BenchmarkTable.Better;
import io.fieldbench.tests.distribution.BenchmarkTable.Row;

/**
 * The UDP benchmark: the same stream of 100-byte text datagrams from many source ports, sent on
 * loopback to (a) a raw Java receiver, (b) a C receiver reading with recvmmsg (the baselines), and
 * (c) the whole bench (collector, text decoder, registry, recorder, events, and the probe's
 * counting consumer). The bench is measured cold first: its first datagrams arrive at the paced rate
 * as soon as it listens, with no warm-up. Then a blast (as fast as the sender goes) and a paced run
 * for loss and latency; the C receiver gets the same three. Prints the figures and adds the
 * headline ones to the {@link BenchmarkTable}. Sends only to 127.0.0.1; stops by itself.
 * <p>
 * {@code mvn -B -q -f tests/distribution/pom.xml -Pbenchmark verify [-Dbenchmark.datagrams=1000000]
 * [-Dbenchmark.cold.seconds=3] [-Dbenchmark.paced.rate=100000] [-Dbenchmark.paced.seconds=20]}
 */
public final class UdpBenchmark {

    private static final int DEVICES = 1_000;
    private static final int DATAGRAM_BYTES = 100;
    /** What the collector asks for (its default) and so what the baselines ask for. */
    private static final int RECEIVE_BUFFER = RawReceiver.RECEIVE_BUFFER_BYTES;
    /** A receiver is done when its count has not moved for this long. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(50);
    /** Sent to the raw Java receiver first, at a modest pace, so that it is measured with its code compiled. */
    private static final long WARM_UP_DATAGRAMS = 200_000;
    private static final long WARM_UP_RATE = 50_000;
    private static final Pattern MEMORY = Pattern.compile("memory:\\s+(\\d+) MiB used");
    private static final Pattern RECORDED = Pattern.compile("written: (\\d+) samples");
    private static final Pattern DROPS = Pattern.compile("dropped:\\s+(\\d+) in the queue, (\\d+|unknown) by the kernel");

    private final long datagrams = Long.getLong("benchmark.datagrams", 1_000_000);
    private final long coldSeconds = Long.getLong("benchmark.cold.seconds", 3);
    private final long pacedRate = Long.getLong("benchmark.paced.rate", 100_000);
    private final long pacedSeconds = Long.getLong("benchmark.paced.seconds", 20);

    public static void main(String[] args) throws Exception {
        new UdpBenchmark().run();
    }

    private void run() throws Exception {
        System.out.printf("UDP benchmark: %,d text datagrams of %d bytes from %,d source ports, on loopback, %d cores%n",
                datagrams, DATAGRAM_BYTES, DEVICES, Runtime.getRuntime().availableProcessors());
        Figures raw = rawJava();
        Path temporary = ScratchFolder.deletedOnExit("fieldbench-benchmark");
        Optional<Path> receiver = NativeReceiver.compile(temporary);
        Optional<Phases> c = receiver.isPresent() ? Optional.of(nativeBaseline(receiver.get())) : Optional.empty();
        Phases bench = bench(temporary);

        System.out.println();
        System.out.printf("%-44s %14s %10s %12s%n", "", "datagrams/s", "loss", "RSS");
        print("(a) raw Java receiver, blast", raw, -1);
        c.ifPresent(p -> {
            print("(b) C recvmmsg receiver, cold " + pacedRate + "/s", p.cold, p.rssKiB);
            print("(b) C recvmmsg receiver, blast", p.blast, p.rssKiB);
            print("(b) C recvmmsg receiver, paced " + pacedRate + "/s", p.paced, p.rssKiB);
        });
        print("(c) full bench, cold " + pacedRate + "/s", bench.cold, bench.rssKiB);
        print("(c) full bench, blast", bench.blast, bench.rssKiB);
        print("(c) full bench, paced " + pacedRate + "/s", bench.paced, bench.rssKiB);
        System.out.printf("ratio (c)/(a) blast %.2f%s%n", bench.blast.rate() / raw.rate(),
                c.map(p -> String.format(", (c)/(b) blast %.2f", bench.blast.rate() / p.blast.rate())).orElse(""));

        BenchmarkTable.add(new Row("UDP blast: datagrams/s, bench vs raw Java receiver", "/s", Better.HIGHER, bench.blast.rate(),
                raw.rate(), bench.rssKiB, -1));
        if (c.isPresent()) {
            Phases base = c.get();
            BenchmarkTable.add(new Row("UDP blast: datagrams/s, bench vs C recvmmsg receiver", "/s", Better.HIGHER,
                    bench.blast.rate(), base.blast.rate(), bench.rssKiB, base.rssKiB));
            addDelivered("UDP blast: delivered", bench.blast, base.blast, bench, base);
            addDelivered("UDP cold start, first " + coldSeconds + " s at " + pacedRate + "/s: delivered", bench.cold, base.cold,
                    bench, base);
            addDelivered("UDP paced " + pacedRate + "/s for " + pacedSeconds + " s: delivered", bench.paced, base.paced, bench,
                    base);
        }
    }

    private static void addDelivered(String figure, Figures bench, Figures baseline, Phases benchSide, Phases baseSide)
            throws IOException {
        BenchmarkTable.add(new Row(figure, "%", Better.HIGHER, 100 - bench.lossPercent(), 100 - baseline.lossPercent(),
                benchSide.rssKiB, baseSide.rssKiB));
    }

    private static void print(String what, Figures figures, long rssKiB) {
        System.out.printf("%-44s %,14.0f %9.3f%% %12s%n", what, figures.rate(), figures.lossPercent(), BenchmarkTable.mib(rssKiB));
    }

    private Figures rawJava() throws Exception {
        try (RawReceiver receiver = new RawReceiver()) {
            send(receiver.port(), WARM_UP_RATE, WARM_UP_DATAGRAMS);
            settle(receiver::received);
            return measure(receiver.port(), 0, datagrams, receiver::received);
        }
    }

    private Phases nativeBaseline(Path binary) throws Exception {
        try (NativeReceiver receiver = NativeReceiver.start(binary, RECEIVE_BUFFER)) {
            Phases phases = new Phases();
            phases.cold = measure(receiver.port(), pacedRate, pacedRate * coldSeconds, receiver::received);
            phases.blast = measure(receiver.port(), 0, datagrams, receiver::received);
            phases.paced = measure(receiver.port(), pacedRate, pacedRate * pacedSeconds, receiver::received);
            phases.rssKiB = BenchmarkTable.rssKiB(receiver.pid());
            return phases;
        }
    }

    /** The bench: cold as soon as it listens, then the blast, then the paced run with latency and the recorder's count. */
    private Phases bench(Path temporary) throws Exception {
        Path home = Distribution.copyTo(temporary.resolve("fieldbench"));
        Files.copy(Distribution.probeJar(), home.resolve("deploy/probe.jar"));
        int port = BenchmarkFigures.freeUdpPort();
        try (BenchProcess bench = BenchProcess.start(home, Map.of(), "--headless", "--data", temporary.resolve("data").toString(),
                "--features", "udp,decoders,registry,recorder", "--set", "io.fieldbench.udp.port=" + port)) {
            bench.awaitLine(line -> line.startsWith("Fieldbench started in"), "announcing the start");
            bench.askUntil("udp:status", line -> line.startsWith("running on"), "the collector listening");
            bench.askUntil("probe:samples", line -> line.startsWith("samples="), "the counting consumer");
            System.out.println("bench " + bench.ask("udp:status", line -> line.startsWith("transport:"), "the transport"));
            Phases phases = new Phases();
            LongSupplier delivered = () -> samples(bench).count();
            phases.cold = measure(port, pacedRate, pacedRate * coldSeconds, delivered);
            System.out.println("bench after the cold start: " + drops(bench));

            bench.askUntil("probe:reset", "reset"::equals, "the counter reset");
            phases.blast = measure(port, 0, datagrams, delivered);

            bench.askUntil("probe:reset", "reset"::equals, "the counter reset");
            long recordedBefore = settle(() -> recorded(bench)).count;
            phases.paced = measure(port, pacedRate, pacedRate * pacedSeconds, delivered);
            long recorded = settle(() -> recorded(bench)).count - recordedBefore;
            phases.latency = samples(bench);
            phases.rssKiB = BenchmarkTable.rssKiB(bench.pid());
            Matcher memory = MEMORY.matcher(bench.ask("fb:status", line -> line.startsWith("memory:"), "the memory figure"));
            System.out.printf("bench paced %,d/s for %d s: receipt to delivered sample p50 %d us, p99 %d us; recorded to disk %,d"
                    + " (loss %.3f%%); heap %s MiB; %s%n", pacedRate, pacedSeconds, phases.latency.p50(), phases.latency.p99(),
                    recorded, BenchmarkFigures.lossPercent(phases.paced.sent, recorded), memory.find() ? memory.group(1) : "?",
                    drops(bench));
            bench.send("fb:shutdown");
            bench.awaitExit();
            return phases;
        }
    }

    /** Sends {@code count} datagrams at the rate (0: as fast as the sender goes); what arrived, from first send to last arrival. */
    private static Figures measure(int port, long rate, long count, LongSupplier received) throws Exception {
        long before = received.getAsLong();
        long start = System.nanoTime();
        SimulationResult sent = send(port, rate, count);
        Settled settled = settle(() -> received.getAsLong() - before);
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

    /** The collector's drop counts, as {@code udp:status} says them. */
    private static String drops(BenchProcess bench) throws InterruptedException {
        Matcher m = DROPS.matcher(bench.ask("udp:status", line -> line.startsWith("dropped:"), "the drop counts"));
        return m.find() ? "dropped " + m.group(1) + " in the queue, " + m.group(2) + " by the kernel" : "drops unknown";
    }

    /** Samples the recorder has written since the bench started ({@code rec:status}). */
    private static long recorded(BenchProcess bench) {
        try {
            Matcher m = RECORDED.matcher(bench.ask("rec:status", line -> line.startsWith("written: "), "the recorder's count"));
            if (!m.find()) {
                throw new IllegalStateException("rec:status answered in an unknown form");
            }
            return Long.parseLong(m.group(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One receiver's phases, and its resident memory after them. */
    private static final class Phases {
        Figures cold;
        Figures blast;
        Figures paced;
        Counted latency;
        long rssKiB;
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
