package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.fieldbench.sim.DeviceSimulator;
import io.fieldbench.sim.SimulationPlan;
import io.fieldbench.sim.SimulationResult;

/**
 * The recorder of the shipped bench survives the process killed (SIGKILL) at random moments while
 * 50 000 samples/s are sent on loopback and it writes them: after each restart every sample delivered
 * to the recorder more than the flush interval (and a margin) before the kill is in {@code fb:export};
 * at the end no recording file is damaged (a torn tail at most, each followed by a new part, never
 * appended to) and the bench still records.
 * <p>
 * What was delivered is the probe's count of decoded samples, a consumer beside the recorder.
 * What the collector received is counted too ({@code udp:status}): the figures say how long before
 * a kill the recording ends, measured from receipt and from delivery. The way between them
 * (decoding, events) is not the recorder's promise and, on a busy machine, may be longer than a
 * second; it is reported, not asserted.
 * <p>
 * A build runs {@value #DEFAULT_CYCLES} kills (about 8 s each); the 20 of the reliability table:
 * {@code mvn -B -pl tests/distribution -am verify -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcrash.cycles=20 [-Dcrash.seed=N]}.
 */
class CrashSafetyTest {

    private static final String RECORDER = "io.fieldbench.recorder";
    private static final long RATE = 50_000;
    private static final int DEVICES = 100;
    /** The recorder's flush interval, set explicitly: the promise under test is made in its terms. */
    private static final Duration FLUSH = Duration.ofSeconds(1);
    /** For the recorder's writer thread to get the processor on a busy machine. */
    private static final Duration MARGIN = Duration.ofMillis(500);
    /** The kill comes at a random moment this long after the stream began, and at most {@link #KILL_SPREAD} later. */
    private static final Duration EARLIEST_KILL = Duration.ofSeconds(2);
    private static final Duration KILL_SPREAD = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(100);
    /** 20 kills take about 3 minutes, more than a build may spend here; 8 take about 1. */
    private static final int DEFAULT_CYCLES = 8;
    /** Samples sent slowly after the last kill: far less than the write buffer, so only the flush interval brings them to disk. */
    private static final int TRICKLE = 100;
    private static final Pattern EXPORTED = Pattern.compile("exported (\\d+) samples");
    private static final Pattern SAMPLE_FILE = Pattern.compile("samples-(\\d{4}-\\d{2}-\\d{2})(\\.\\d+)?\\.fbr .*");

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    /**
     * One kill: when; what the bench had received and delivered by the last counts before it, and
     * what it recorded; how long before the kill the recording ends at most, since receipt and since
     * delivery; how long the restart took.
     */
    private record Kill(Duration after, long received, long delivered, long exported, Duration sinceReceipt,
            Duration sinceDelivery, Duration restart) {
        String line() {
            return String.format("kill at %4d ms: received %,7d, delivered %,7d, exported %,7d; unrecorded before the kill at"
                    + " most %4d ms since receipt, %4d ms since delivery; restart %5d ms", after.toMillis(), received, delivered,
                    exported, sinceReceipt.toMillis(), sinceDelivery.toMillis(), restart.toMillis());
        }
    }

    @AfterEach
    void stopSending() {
        sender.shutdownNow();
    }

    @Test
    void everySampleOlderThanTheFlushIntervalSurvivesAKill() throws Exception {
        int cycles = Integer.getInteger("crash.cycles", DEFAULT_CYCLES);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.printf("crash safety: %d kills at %,d samples/s, seed %d%n", cycles, RATE, seed);
        Random random = new Random(seed);
        Files.copy(Distribution.probeJar(), headless.home().resolve("deploy/probe.jar"));
        RecordSamplesTest.Running running = start();
        awaitProbe(running);
        List<Kill> kills = new ArrayList<>();
        for (int cycle = 0; cycle < cycles; cycle++) {
            Duration planned = EARLIEST_KILL.plusMillis(random.nextInt((int) KILL_SPREAD.toMillis()));
            Instant from = Instant.now();
            CountTimeline received = CountTimeline.received();
            CountTimeline delivered = CountTimeline.delivered();
            long begun = System.nanoTime();
            long killed = streamAndKill(running, List.of(received, delivered), begun + planned.toNanos());

            long restarting = System.nanoTime();
            running = start();
            Duration restart = Duration.ofNanos(System.nanoTime() - restarting);
            long exported = exported(running.bench(), "--from " + from);
            Kill kill = new Kill(Duration.ofNanos(killed - begun), received.last(), delivered.last(), exported,
                    Duration.ofNanos(killed - received.coveredUntil(exported, begun)),
                    Duration.ofNanos(killed - delivered.coveredUntil(exported, begun)), restart);
            System.out.println(kill.line());
            long owed = delivered.before(killed - FLUSH.toNanos() - MARGIN.toNanos());
            assertTrue(exported >= owed, "seed " + seed + ", " + kill.line() + ": " + owed + " samples were delivered more than "
                    + FLUSH.plus(MARGIN).toMillis() + " ms before the kill, only " + exported + " were recorded");
            kills.add(kill);
            awaitProbe(running);
        }
        running = trickleAndKill(running);
        long torn = checkedFiles(running.bench());
        System.out.printf("worst of %d kills (seed %d, flush interval %d ms): unrecorded at most %d ms before a kill since"
                + " receipt, %d ms since delivery; restart %d ms; %d torn tails, no damage%n", cycles, seed, FLUSH.toMillis(),
                worst(kills, Kill::sinceReceipt), worst(kills, Kill::sinceDelivery), worst(kills, Kill::restart), torn);
    }

    private static long worst(List<Kill> kills, Function<Kill, Duration> figure) {
        return kills.stream().map(figure).max(Comparator.naturalOrder()).orElseThrow().toMillis();
    }

    /** The probe starts from {@code deploy/} a moment after the bench; the restart's figure leaves it out. */
    private static void awaitProbe(RecordSamplesTest.Running running) throws InterruptedException {
        running.bench().askUntil("probe:samples", line -> line.startsWith("samples="), "the probe counting");
    }

    /**
     * Starts the bench and waits until its recorder says it records: the kill's figures are about
     * a recorder at work (that none of the first datagrams is missed is FirstDatagramsTest's).
     */
    private RecordSamplesTest.Running start() throws Exception {
        RecordSamplesTest.Running running = RecordSamplesTest.start(headless, "--set", RECORDER + ".flush.interval.ms=" + FLUSH.toMillis());
        running.bench().askUntil("rec:status", line -> line.startsWith("recording to "), "the recorder recording");
        return running;
    }

    /** Streams to the bench, keeping its counts, until the moment; kills it then; gives when. */
    private long streamAndKill(RecordSamplesTest.Running running, List<CountTimeline> counts, long killAt) throws Exception {
        DeviceSimulator stream = new DeviceSimulator(SimulationPlan.parse(List.of("--devices", Integer.toString(DEVICES),
                "--rate", Long.toString(RATE), "--format", "text", "--target", "127.0.0.1:" + running.port(),
                "--seconds", Long.toString(EARLIEST_KILL.plus(KILL_SPREAD).toSeconds() + 1))));
        Future<SimulationResult> sending = sender.submit(stream::run);
        try {
            while (System.nanoTime() < killAt) {
                for (CountTimeline count : counts) {
                    count.poll(running.bench());
                }
                // paces the counting; the stream flows meanwhile
                TimeUnit.NANOSECONDS.sleep(Math.min(POLL.toNanos(), killAt - System.nanoTime()));
            }
            long killed = System.nanoTime();
            running.bench().close(); // SIGKILL
            return killed;
        } finally {
            stream.stop();
            sending.get(BenchProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The samples {@code fb:export OPTIONS} writes, counted by its answer; the file is deleted. */
    private long exported(BenchProcess bench, String options) throws Exception {
        String name = "crash.csv";
        // a channel named: one pass through the files (a wide export of all channels first reads them to find the columns)
        String answer = bench.ask("fb:export --channels temp " + options + " " + name,
                line -> line.startsWith("exported ") || line.startsWith("error"), "the export's answer");
        Files.deleteIfExists(headless.data().resolve(name));
        Matcher exported = EXPORTED.matcher(answer);
        assertTrue(exported.find(), answer);
        return Long.parseLong(exported.group(1));
    }

    /**
     * The bench still records after the kills, and a trickle delivered the flush interval (and the
     * margin) before one more kill is on disk; gives the bench restarted after it.
     */
    private RecordSamplesTest.Running trickleAndKill(RecordSamplesTest.Running running) throws Exception {
        Instant from = Instant.now();
        RecordSamplesTest.send(running.port(), "devTrickle", 0, TRICKLE);
        Poll.until(() -> BenchmarkFigures.samples(running.bench()).count() == TRICKLE, "the trickle delivered");
        // the promise is about time: the kill comes once the flush interval and the margin have passed
        TimeUnit.NANOSECONDS.sleep(FLUSH.plus(MARGIN).toNanos());
        running.bench().close(); // SIGKILL
        RecordSamplesTest.Running again = start();
        assertEquals(TRICKLE, exported(again.bench(), "--devices devTrickle --from " + from),
                "the trickle delivered " + FLUSH.plus(MARGIN).toMillis() + " ms before the kill");
        return again;
    }

    /**
     * {@code rec:list}: no file damaged, and each torn tail followed by a new part (the clean file of
     * a day is appended to); gives the number of torn tails.
     */
    private static long checkedFiles(BenchProcess bench) throws Exception {
        long[] totals = RecordSamplesTest.totals(bench, samples -> true, "the recordings read");
        assertEquals(0, totals[4], "damaged files");
        List<String> days = new ArrayList<>();
        for (long file = 0; file < totals[0]; file++) {
            Matcher name = SAMPLE_FILE.matcher(bench.awaitLine(line -> SAMPLE_FILE.matcher(line).matches(), "a sample file's line"));
            assertTrue(name.matches());
            days.add(name.group(1));
        }
        assertEquals(days.stream().distinct().count() + totals[3], totals[0], "files: one a day and a new part for each torn tail");
        return totals[3];
    }
}
