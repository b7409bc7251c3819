package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.fieldbench.tests.distribution.Latencies.Window;

/**
 * Every module of a headless bench at work at once for {@code -Dsoak.minutes} minutes: the
 * simulator streams to the UDP collector (decoded, registered, recorded, bridged to a Mosquitto on
 * loopback where Debian's {@code mosquitto} is installed), a thousand chat clients are connected
 * (a few talk, the console broadcasts to all), a device downloads from the file service and a
 * phone uploads photos to the image relay. Every minute one row: the bench's resident memory, live
 * heap after a full GC, threads and open files, read from outside its JVM, the latencies the load
 * saw and its errors. At the end the bench must have stayed flat ({@link SoakTable}), and the load
 * must have seen no error and lost no datagram. Loopback only; every load stops by itself.
 * <p>
 * Not part of {@code mvn verify}: a verdict needs a warm-up minute and at least two more, with
 * start-up and a thousand clients, about four minutes, which the shorter tests of each module
 * already cover bit by bit. docs/reliability.md ("Soak") has the command and a run.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "[1-9]\\d*", disabledReason = "a soak runs on request: -Dsoak.minutes=30")
class SoakTest {

    private static final int MINUTES = Integer.getInteger("soak.minutes", 0);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Every load stops by itself this long after the soak should have ended. */
    private static final Duration MAX_RUN = Duration.ofMinutes(MINUTES + 2L);

    private static final int DEVICES = 100;
    private static final int DATAGRAMS_PER_SECOND = 2_000;
    private static final int CHAT_CLIENTS = 1_000;
    private static final int CHAT_TALKERS = 20;
    private static final Duration CHAT_PACE = Duration.ofSeconds(1);
    private static final Duration BROADCAST_PACE = Duration.ofSeconds(5);
    private static final Duration FILE_PACE = Duration.ofSeconds(2);
    private static final Duration UPLOAD_PACE = Duration.ofSeconds(2);

    private static final List<String> FEATURES = List.of("udp", "decoders", "registry", "recorder", "chat", "files", "imagerelay", "sim");
    private static final List<String> SERVERS = List.of("udp", "chat", "files", "imagerelay");
    private static final Pattern RECEIVED = Pattern.compile("received:\\s+(\\d+) datagrams");
    private static final Pattern DROPPED = Pattern.compile("dropped:\\s+(\\d+) in the queue, (\\d+|unknown) by the kernel; (\\d+) decode errors");
    private static final Pattern SENT = Pattern.compile("sent (\\d+) datagrams");

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private final SoakErrors errors = new SoakErrors();
    private final SoakTable table = new SoakTable();
    private BenchProcess bench;
    /** Lines of the bench's standard error already taken as errors. */
    private int benchErrorsSeen;
    /** Errors counted up to the last row: a row shows those of its minute. */
    private long errorsBefore;

    /** The collector's counts: received, and lost (dropped in the queue or by the kernel, or not decoded). */
    private record Collected(long received, long lost) {
    }

    @Test
    void everyModuleAtWorkForMinutesStaysFlatAndLosesNothing() throws Exception {
        assertTrue(MINUTES >= 3, "a soak needs a warm-up minute and two more to compare: -Dsoak.minutes=3 or more");
        Path sharedFolder = Files.createDirectories(headless.data().resolveSibling("shared"));
        Map<String, byte[]> shared = FileDownloads.share(sharedFolder);
        Files.createDirectories(headless.data().resolve("imagerelay"));
        Files.writeString(headless.data().resolve("imagerelay/token"), RelayBench.TOKEN + "\n");
        Files.copy(Distribution.probeJar(), headless.home().resolve("deploy/probe.jar"));
        bench = headless.start(arguments(sharedFolder));
        int udp = bench.awaitListening("udp:status");
        int chat = bench.awaitListening("chat:status");
        int files = bench.awaitListening("files:status");
        int relay = bench.awaitListening("imagerelay:status");
        bench.askUntil("probe:samples", line -> line.startsWith("samples="), "the probe counting");
        if (bridged()) {
            bench.askUntil("bridge:status", line -> line.startsWith("connected to "), "the bridge connected");
        }
        long pid = bench.pid();
        System.out.print(SoakTable.header());
        Collected collected = collected();
        addRow(0, pid, Window.NONE, Window.NONE, Window.NONE, Window.NONE, collected, collected);

        long start = System.nanoTime();
        ChatCrowd crowd = headless.closeAfter(ChatCrowd.connect(chat, CHAT_CLIENTS, CHAT_TALKERS, CHAT_PACE, MAX_RUN, errors));
        FileDownloads downloads = headless.closeAfter(FileDownloads.start(files, shared, FILE_PACE, MAX_RUN, errors));
        PhoneUploads uploads = headless.closeAfter(PhoneUploads.start(relay, RelayBench.TOKEN, UPLOAD_PACE, MAX_RUN, errors));
        String simulation = bench.ask("sim:start " + DEVICES + " " + DATAGRAMS_PER_SECOND + " text 127.0.0.1:" + udp + " "
                + MAX_RUN.toSeconds(), line -> line.startsWith("started: ") || line.startsWith("error"), "the simulation started");
        assertTrue(simulation.startsWith("started: "), simulation);

        long broadcasts = 0;
        for (int minute = 1; minute <= MINUTES; minute++) {
            long rowAt = start + minute * MINUTE.toNanos();
            for (long next; (next = start + (broadcasts + 1) * BROADCAST_PACE.toNanos()) < rowAt;) {
                sleepUntil(next);
                broadcast(++broadcasts, crowd.size());
            }
            sleepUntil(rowAt);
            Collected now = collected();
            addRow(minute, pid, crowd.echoes().drain(), crowd.broadcasts().drain(), downloads.passes().drain(),
                    uploads.stored().drain(), collected, now);
            collected = now;
        }

        crowd.finish(broadcasts);
        downloads.close();
        uploads.close();
        long sent = stopSimulation();
        long lost = lostOf(sent);
        takeBenchErrors();

        System.out.printf("%n%s%n%s%n%s; %d datagrams sent, %d lost; %d errors%s%n", table.markdown(), table.comparison(),
                table.grown().isEmpty() ? "flat" : "NOT flat: " + table.grown(), sent, lost, errors.count(),
                errors.count() == 0 ? "" : ", the first: " + String.join("; ", errors.first()));
        assertEquals(List.of(), errors.first(), errors.count() + " errors, the first of them");
        assertEquals(0, lost, "datagrams lost of " + sent);
        assertEquals(List.of(), table.grown(), "figures that grew past their margins, " + table.comparison());
    }

    private static boolean bridged() {
        return Files.isExecutable(Mosquitto.BROKER);
    }

    /** Every feature, each server on a loopback port the system chooses; the bridge too where a broker can be started. */
    private String[] arguments(Path shared) throws Exception {
        List<String> features = new ArrayList<>(FEATURES);
        List<String> arguments = new ArrayList<>();
        for (String server : SERVERS) {
            arguments.addAll(List.of("--set", "io.fieldbench." + server + ".port=0",
                    "--set", "io.fieldbench." + server + ".bind.address=127.0.0.1"));
        }
        arguments.addAll(List.of("--set", "io.fieldbench.chat.framing=line", "--set", "io.fieldbench.chat.echo=true",
                "--set", "io.fieldbench.files.shared.folder=" + shared));
        if (bridged()) {
            Mosquitto broker = headless.closeAfter(Mosquitto.anonymous(headless.data().resolveSibling("broker")));
            features.add("bridge");
            arguments.addAll(List.of("--set", "io.fieldbench.bridge.broker=" + broker.uri()));
        }
        arguments.addAll(0, List.of("--features", String.join(",", features)));
        return arguments.toArray(String[]::new);
    }

    /** The soak's pace: nothing to wait on but the clock. */
    private static void sleepUntil(long nanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(nanos - System.nanoTime());
    }

    private void broadcast(long seq, int clients) throws InterruptedException {
        String answer = bench.ask("fb:broadcast " + ChatCrowd.broadcastText(seq), line -> line.startsWith("sent ")
                || line.startsWith("not sent"), "the broadcast sent");
        if (!answer.endsWith(" to " + clients + " clients")) {
            errors.add("chat", "broadcast " + seq + ": " + answer);
        }
    }

    /** Measures the bench (a full GC), takes the probe's latencies and the errors of the minute, and prints the row. */
    private void addRow(int minute, long pid, Window echo, Window broadcast, Window files, Window upload, Collected before,
            Collected now) throws Exception {
        long resident = BenchmarkTable.rssKiB(pid);
        ProcessFigures figures = ProcessFigures.of(pid);
        BenchmarkFigures.Counted udp = BenchmarkFigures.samples(bench);
        bench.ask("probe:reset", "reset"::equals, "the probe reset");
        checkBridge();
        takeBenchErrors();
        SoakRow row = new SoakRow(minute, resident, figures, echo, broadcast, files, upload,
                new Window((int) udp.count(), udp.p50() / 1000.0, udp.p99() / 1000.0), now.received() - before.received(),
                now.lost() - before.lost(), errors.count() - errorsBefore);
        errorsBefore = errors.count();
        table.add(row);
        System.out.print(SoakTable.markdown(row));
    }

    /** The collector's counts ({@code udp:status}). */
    private Collected collected() throws InterruptedException {
        Matcher received = matched(RECEIVED, bench.ask("udp:status", line -> line.startsWith("received:"), "the received count"));
        Matcher dropped = matched(DROPPED, bench.awaitLine(line -> line.startsWith("dropped:"), "the drop counts"));
        long kernel = "unknown".equals(dropped.group(2)) ? 0 : Long.parseLong(dropped.group(2));
        return new Collected(Long.parseLong(received.group(1)),
                Long.parseLong(dropped.group(1)) + kernel + Long.parseLong(dropped.group(3)));
    }

    private static Matcher matched(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        assertTrue(matcher.find(), "udp:status answered in an unknown form: " + line);
        return matcher;
    }

    /** Stops the simulator; gives how many datagrams it sent. */
    private long stopSimulation() throws InterruptedException {
        return Long.parseLong(matched(SENT, bench.ask("sim:stop", line -> SENT.matcher(line).find(), "what the simulator sent")).group(1));
    }

    /** Waits until the collector has every datagram sent; gives those it did not receive, or dropped, or could not decode. */
    private long lostOf(long sent) throws Exception {
        Collected[] last = { collected() };
        try {
            Poll.until(() -> (last[0] = collected()).received() >= sent, "all " + sent + " datagrams received");
        } catch (AssertionError e) {
            // counted as lost below
        }
        return sent - last[0].received() + last[0].lost();
    }

    /** The bridge must stay connected and have sent all it was given. */
    private void checkBridge() throws InterruptedException {
        if (!bridged()) {
            return;
        }
        String state = bench.ask("bridge:status", line -> line.matches("(off|connecting|connected|disconnected)\\b.*"), "the bridge state");
        if (!state.startsWith("connected to ")) {
            errors.add("bridge", state);
        }
        String next = bench.awaitLine(line -> line.startsWith("not sent:") || line.startsWith("received"), "the bridge's counts");
        if (next.startsWith("not sent:")) {
            errors.add("bridge", next);
        }
    }

    /** Lines on the bench's standard error are errors: a headless bench prints every error of its log there. */
    private void takeBenchErrors() {
        List<String> lines = bench.errors();
        lines.subList(benchErrorsSeen, lines.size()).forEach(line -> errors.add("bench", line));
        benchErrorsSeen = lines.size();
    }
}
