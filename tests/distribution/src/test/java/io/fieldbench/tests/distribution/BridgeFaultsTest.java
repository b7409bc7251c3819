package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.fieldbench.probe.SampleLedger;
import io.fieldbench.probe.SeenSequences;
import io.fieldbench.sim.DeviceSimulator;
import io.fieldbench.sim.SimulationPlan;
import io.fieldbench.sim.SimulationResult;

/**
 * The bridge under faults, on the shipped distribution: a collecting bench ({@code udp,decoders,bridge})
 * takes {@value #RATE} samples/s from {@value #DEVICES} simulated devices on loopback and publishes them
 * through a real Mosquitto to a watching bench, while the broker is killed (SIGKILL; it saves after
 * every change, so a kill loses nothing it acknowledged) and restarted on its port, the network to it
 * is cut (each bench reaches the broker through a {@link BrokerProxy}: a black hole, then a reset,
 * each for {@link #CUT}), and the watching bench is killed (SIGKILL) and restarted. Every fault comes
 * at a random moment (seeded, the seed printed) and ends by itself.
 * <p>
 * Which samples each bench delivered is the probe's {@link SampleLedger}, a file that outlives a
 * killed bench. After each fault the test waits until the watcher has every sample (each device's
 * every sequence number) the collector had when the fault ended, and prints how long that took; at the end the watcher's
 * ledger must hold every sample of the collector's exactly once (a batch the broker delivered twice
 * is dropped by the bridge, and counted as a duplicate in {@code bridge:status}).
 * <p>
 * A build runs {@value #DEFAULT_KILLS} broker kills, one cut of each kind and one watcher kill (about a
 * minute); {@code -Dbridge.faults.kills=N} runs N broker kills and N / {@value #OTHER_FAULTS_PER_KILLS} of
 * each other fault, the full run of docs/reliability.md: {@code mvn -B -pl tests/distribution -am verify
 * -Dtest=BridgeFaultsTest -Dsurefire.failIfNoSpecifiedTests=false -Dbridge.faults.kills=20 [-Dbridge.faults.seed=N]}.
 */
class BridgeFaultsTest {

    private static final String BRIDGE = "io.fieldbench.bridge";
    private static final long RATE = 10_000;
    private static final int DEVICES = 10;
    private static final int DEFAULT_KILLS = 3;
    /** A cut of each kind and a watcher kill for every this many broker kills (at least one of each). */
    private static final int OTHER_FAULTS_PER_KILLS = 4;
    /** How long a cut of the network lasts. */
    private static final Duration CUT = Duration.ofSeconds(3);
    /** A fault comes at a random moment this long after the last one ended, and at most {@link #SPREAD} later. */
    private static final Duration EARLIEST = Duration.ofMillis(500);
    private static final Duration SPREAD = Duration.ofMillis(2_000);
    /** How long the watcher may take to have everything after a fault; past it, something is lost. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);
    /** Sending stops after this long at the latest, should the test hang. */
    private static final Duration MAX_STREAM = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofMillis(100);
    /** A watcher's consumer this slow a batch falls seconds behind a stream of {@link #SLOW_CONSUMER_SAMPLES} samples. */
    private static final long SLOW_CONSUMER_MILLIS = 300;
    private static final long SLOW_CONSUMER_SAMPLES = 20_000;
    private static final Pattern DUPLICATES = Pattern.compile("duplicates dropped: (\\d+)");
    private static final Pattern LEDGER = Pattern.compile("distinct=(\\d+) repeats=(\\d+)");
    private static final Pattern RANGES = Pattern.compile("\\S+ \\d+-\\d+(,\\d+-\\d+)*(; \\S+ \\d+-\\d+(,\\d+-\\d+)*)*");
    private static final String SITE = "field";

    @RegisterExtension
    final HeadlessBench collectorHome = new HeadlessBench();
    @RegisterExtension
    final HeadlessBench watcherHome = new HeadlessBench();

    @TempDir
    Path temporary;

    private final Deque<AutoCloseable> closing = new ArrayDeque<>();

    /** One fault: what it was, and how long after it ended the watcher had everything. */
    private record Fault(String kind, Duration catchUp) {
    }

    /** A bench's ledger at one moment. */
    private record Ledger(long distinct, long repeats) {
    }

    @AfterEach
    void closeBrokerAndProxies() throws Exception {
        while (!closing.isEmpty()) {
            closing.pop().close();
        }
    }

    @Test
    void everySampleArrivesOnceThroughBrokerKillsNetworkCutsAndWatcherKills() throws Exception {
        int kills = Integer.getInteger("bridge.faults.kills", DEFAULT_KILLS);
        int cuts = Math.max(1, kills / OTHER_FAULTS_PER_KILLS);
        int watcherKills = cuts;
        long seed = Long.getLong("bridge.faults.seed", System.nanoTime());
        System.out.printf("bridge faults: %,d samples/s from %d devices; %d broker kills, %d black holes and %d resets of %d s,"
                + " %d watcher kills; seed %d%n", RATE, DEVICES, kills, cuts, cuts, CUT.toSeconds(), watcherKills, seed);
        Random random = new Random(seed);
        Mosquitto broker = closeLater(Mosquitto.anonymousSavingEveryChange(temporary.resolve("broker")));
        BrokerProxy collectorLink = closeLater(new BrokerProxy(broker.port()));
        BrokerProxy watcherLink = closeLater(new BrokerProxy(broker.port()));
        Path collectorLedger = temporary.resolve("collector.ledger");
        Path watcherLedger = temporary.resolve("watcher.ledger");
        BenchProcess collector = startCollector(collectorLink.uri(), collectorLedger);
        int port = collector.awaitListening("udp:status");
        BenchProcess watcher = startWatcher(watcherLink.uri(), watcherLedger);

        DeviceSimulator simulator = new DeviceSimulator(plan(port, RATE * MAX_STREAM.toSeconds()));
        CompletableFuture<SimulationResult> stream = CompletableFuture.supplyAsync(() -> {
            try {
                return simulator.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Fault> faults = new ArrayList<>();
        long droppedBefore = 0; // by the watcher's earlier processes, read just before each kill
        try {
            for (int i = 1; i <= kills; i++) {
                pause(random);
                broker.kill();
                broker.start();
                faults.add(caughtUp("broker kill " + i, collector, watcher));
            }
            for (int i = 1; i <= cuts; i++) {
                pause(random);
                cut(collectorLink, watcherLink, false);
                faults.add(caughtUp("black hole " + i, collector, watcher));
                pause(random);
                cut(collectorLink, watcherLink, true);
                faults.add(caughtUp("reset " + i, collector, watcher));
            }
            for (int i = 1; i <= watcherKills; i++) {
                pause(random);
                droppedBefore += duplicatesDropped(watcher);
                watcher.close(); // SIGKILL
                long restarting = System.nanoTime();
                watcher = startWatcher(watcherLink.uri(), watcherLedger);
                System.out.printf("watcher kill %d: restarted in %d ms%n", i, (System.nanoTime() - restarting) / 1_000_000);
                faults.add(caughtUp("watcher kill " + i, collector, watcher));
            }
        } finally {
            simulator.stop();
        }
        SimulationResult sent = stream.get();
        settle(collector);
        awaitEverything(collector, watcher, seen(collector));

        SeenSequences published = SeenSequences.read(collectorLedger);
        SeenSequences delivered = SeenSequences.read(watcherLedger);
        collector.askUntil("bridge:status", line -> line.contains("backlog: 0 messages"), "the collector's backlog all acknowledged");
        System.out.printf("sent %,d datagrams; the collector delivered %,d samples, the watcher %,d (%,d twice); the watcher's"
                + " bridge dropped %,d repeated batches%n", sent.sent(), published.distinct(), delivered.distinct(),
                delivered.repeats(), droppedBefore + duplicatesDropped(watcher));
        report(faults, seed);
        assertEquals(0, published.repeats(), "the collector delivered a sample twice");
        assertEquals(published.ranges(), delivered.ranges().replace(SITE + "/", ""), "seed " + seed
                + ": the samples the watcher received (right) are not those the collector published (left)");
        assertEquals(0, delivered.repeats(), "seed " + seed + ": samples the watcher received more than once");
    }

    /**
     * The watcher's consumer slow ({@value #SLOW_CONSUMER_MILLIS} ms a batch) and the watcher killed once the
     * broker has every batch: what the broker let go as delivered must have been handed to the bench's handlers,
     * since the broker will not send it again.
     */
    @Test
    void aWatcherKilledWhileItsConsumersLagLosesNothingTheBrokerLetGo() throws Exception {
        Mosquitto broker = closeLater(Mosquitto.anonymous(temporary.resolve("broker")));
        Path collectorLedger = temporary.resolve("collector.ledger");
        Path watcherLedger = temporary.resolve("watcher.ledger");
        BenchProcess collector = startCollector(broker.uri(), collectorLedger);
        BenchProcess watcher = startWatcher(broker.uri(), watcherLedger, "delay.millis=" + SLOW_CONSUMER_MILLIS);
        new DeviceSimulator(plan(collector.awaitListening("udp:status"), SLOW_CONSUMER_SAMPLES)).run();
        settle(collector);
        collector.askUntil("bridge:status", line -> line.contains("backlog: 0 messages"), "every batch with the broker");
        SeenSequences published = seen(collector);
        assertFalse(seen(watcher).covers(published), "the watcher's consumer must still be behind at the kill");

        watcher.close(); // SIGKILL
        watcher = startWatcher(broker.uri(), watcherLedger, "delay.millis=0");

        awaitEverything(collector, watcher, published);
    }

    /** Cuts both benches' way to the broker for {@link #CUT}, as a black hole or a reset, then restores it. */
    private static void cut(BrokerProxy collectorLink, BrokerProxy watcherLink, boolean reset) throws InterruptedException {
        for (BrokerProxy link : List.of(collectorLink, watcherLink)) {
            if (reset) {
                link.reset();
            } else {
                link.blackHole();
            }
        }
        Thread.sleep(CUT.toMillis()); // the length of the outage: the fault itself
        collectorLink.restore();
        watcherLink.restore();
    }

    /** {@value #DEVICES} devices sending this many text datagrams at {@value #RATE} a second to the collector's port. */
    private static SimulationPlan plan(int port, long count) {
        return SimulationPlan.parse(List.of("--devices", Integer.toString(DEVICES), "--rate", Long.toString(RATE), "--format", "text",
                "--target", "127.0.0.1:" + port, "--count", Long.toString(count)));
    }

    /** The stream flows a random while before the next fault. */
    private static void pause(Random random) throws InterruptedException {
        Thread.sleep(EARLIEST.toMillis() + random.nextInt((int) SPREAD.toMillis())); // the fault's moment, not a synchronisation
    }

    /**
     * Waits until the watcher has, without a gap, every sample the collector had just after the fault
     * ended; gives how long that took.
     */
    private static Fault caughtUp(String kind, BenchProcess collector, BenchProcess watcher) throws Exception {
        long restored = System.nanoTime();
        SeenSequences owed = seen(collector);
        awaitEverything(collector, watcher, owed);
        Fault fault = new Fault(kind, Duration.ofNanos(System.nanoTime() - restored));
        System.out.printf("%s: the watcher had all %,d samples %,d ms after the restore; its bridge dropped %d repeated batches"
                + " since it started%n", kind, owed.distinct(), fault.catchUp().toMillis(), duplicatesDropped(watcher));
        return fault;
    }

    /** Waits until the watcher has every sample owed, each device's every number; fails after {@link #CATCH_UP_LIMIT}. */
    private static void awaitEverything(BenchProcess collector, BenchProcess watcher, SeenSequences owed) throws Exception {
        long end = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        for (SeenSequences now; !(now = seen(watcher)).covers(owed);) {
            if (System.nanoTime() > end) {
                throw new AssertionError("after " + CATCH_UP_LIMIT.toSeconds() + " s the watcher has " + now.ranges()
                        + ", not all of " + owed.ranges() + ": lost; the collector's bridge "
                        + collector.ask("bridge:status", line -> line.startsWith("published:"), "what it published")
                        + "; the watcher's " + watcher.ask("bridge:status", line -> line.startsWith("received"), "what it received"));
            }
            Thread.sleep(POLL.toMillis()); // another process's figures: nothing to wait on
        }
    }

    /** Which samples a bench delivered ({@code probe:seen}), the devices named as the collector names them. */
    private static SeenSequences seen(BenchProcess bench) throws InterruptedException {
        String ranges = bench.askUntil("probe:seen", line -> RANGES.matcher(line).matches(), "the probe's ranges");
        return SeenSequences.parse(ranges.replace(SITE + "/", "")); // the watcher names them site/device
    }

    /** Returns once the collector's stream has ended and every datagram is decoded. */
    private static void settle(BenchProcess collector) throws Exception {
        Ledger last = ledger(collector);
        for (Ledger now; !(now = ledger(collector)).equals(last); last = now) {
            Thread.sleep(1_000); // the decode queue drains: nothing to wait on from outside
        }
    }

    /** Batches the watcher's bridge received again and dropped ({@code bridge:status}), since its start. */
    private static long duplicatesDropped(BenchProcess watcher) throws InterruptedException {
        Matcher m = DUPLICATES.matcher(watcher.ask("bridge:status", line -> line.startsWith("received"), "the duplicates dropped"));
        if (!m.find()) {
            throw new IllegalStateException("bridge:status answered in an unknown form");
        }
        return Long.parseLong(m.group(1));
    }

    private static Ledger ledger(BenchProcess bench) throws InterruptedException {
        Matcher m = LEDGER.matcher(bench.askUntil("probe:ledger", line -> line.startsWith("distinct="), "the probe's ledger"));
        if (!m.find()) {
            throw new IllegalStateException("probe:ledger answered in an unknown form");
        }
        return new Ledger(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    private static void report(List<Fault> faults, long seed) {
        faults.stream().map(fault -> fault.kind().replaceAll(" \\d+$", "")).distinct().forEach(kind -> {
            List<Long> millis = faults.stream().filter(fault -> fault.kind().startsWith(kind + " "))
                    .map(fault -> fault.catchUp().toMillis()).sorted().toList();
            System.out.printf("catch-up after %s (%d): worst %,d ms, median %,d ms%n", kind, millis.size(),
                    millis.get(millis.size() - 1), millis.get(millis.size() / 2));
        });
        System.out.println("seed " + seed);
    }

    /** The collector: its ledger on, sending only once the ledger follows the samples. */
    private BenchProcess startCollector(String broker, Path ledger) throws Exception {
        Files.copy(Distribution.probeJar(), collectorHome.home().resolve("deploy/probe.jar"));
        BenchProcess bench = collectorHome.start("--features", "udp,decoders,bridge", "--set", "io.fieldbench.udp.port=0",
                "--set", "io.fieldbench.udp.bind.address=127.0.0.1", "--set", BRIDGE + ".broker=" + broker,
                "--set", BRIDGE + ".site=" + SITE, "--set", SampleLedger.PID + ".file=" + ledger);
        bench.askUntil("bridge:status", line -> line.startsWith("connected to "), "the collector connected to the broker");
        ledger(bench);
        return bench;
    }

    /**
     * The watcher, its bridge switched on only once the ledger follows the samples: what its kept
     * session brings at once must be counted. The ledger's further settings ({@code key=value}) come after its file.
     */
    private BenchProcess startWatcher(String broker, Path ledger, String... ledgerSettings) throws Exception {
        Path probe = watcherHome.home().resolve("deploy/probe.jar");
        if (!Files.exists(probe)) {
            Files.copy(Distribution.probeJar(), probe);
        }
        List<String> arguments = new ArrayList<>(List.of("--features", "registry", "--set", BRIDGE + ".broker=" + broker,
                "--set", BRIDGE + ".site=lab", "--set", BRIDGE + ".subscribe=" + SITE, "--set", BRIDGE + ".publish=false",
                // the file first: it makes the ledger's settings file, which tells --set where the dotted keys belong
                "--set", SampleLedger.PID + ".file=" + ledger));
        for (String setting : ledgerSettings) {
            arguments.addAll(List.of("--set", SampleLedger.PID + "." + setting));
        }
        BenchProcess bench = watcherHome.start(arguments.toArray(String[]::new));
        ledger(bench);
        bench.ask("fb:enable bridge", "enabled bridge"::equals, "the bridge switched on");
        bench.askUntil("bridge:status", line -> line.startsWith("connected to "), "the watcher connected to the broker");
        return bench;
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        closing.push(resource);
        return resource;
    }
}
