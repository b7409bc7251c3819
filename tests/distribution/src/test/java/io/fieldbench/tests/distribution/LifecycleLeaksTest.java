package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Switching features off and on, and hot-deploying a decoder again and again, leaves nothing
 * behind in the bench: afterwards its threads, open files, ports, live heap and bundle class
 * loaders are back within {@link LeakMargins} of where they started. The figures are printed as
 * the table of docs/reliability.md.
 */
class LifecycleLeaksTest {

    /**
     * Cycles of each feature, and hot deploys, in {@code mvn verify}: a leak of one thread, file,
     * socket, class loader or bundle record a cycle passes its margin five times over, and both tests together stay
     * under two minutes (a feature cycle takes up to a second, a hot deploy three: FileInstall looks
     * at deploy/ once a second). {@code -Dleaks.cycles=100} is the full run docs/reliability.md records.
     */
    private static final int CYCLES = Integer.getInteger("leaks.cycles", 10);
    /** First-time class loading, pools filling and the JIT are no leak: cycles before the baseline. */
    private static final int WARM_UP_CYCLES = 2;
    /**
     * The log's history for the hot deploys, in entries: each entry holds its bundle, so the bench's
     * 2000 hold the records of the last ~180 removed decoders, bounded but more than a run's cycles.
     * This many hold at most the last one's, the same before and after the cycles.
     */
    private static final int HOT_DEPLOY_LOG_HISTORY = 10;
    /** Every feature a user may switch, except the window. */
    private static final List<String> FEATURES = List.of(
            "udp", "decoders", "registry", "recorder", "chart", "chat", "files", "imagerelay", "sim", "bridge");
    /** The servers, each on loopback at a port the system chooses. */
    private static final List<String> SERVERS = List.of("udp", "chat", "files", "imagerelay");
    private static final Pattern LISTENING = Pattern.compile("running on 127\\.0\\.0\\.1:([1-9]\\d*)");
    private static final String DEVICE = "ex1";
    /** A simulation runs as the simulator is switched off, and the last one ends by itself before the figures are taken. */
    private static final int SIMULATION_SECONDS = 1;
    /** The lines of the answers that say what is awaited: a server's headline, the bridge's state, the decoders, a device's counts. */
    private static final Predicate<String> SERVER_STATE = Pattern.compile("(running on|starting|stopping|stopped)\\b.*").asMatchPredicate();
    private static final Predicate<String> BRIDGE_STATE = Pattern.compile("(off|connecting|connected|disconnected)\\b.*").asMatchPredicate();
    private static final Predicate<String> DECODING = line -> line.startsWith("decoding:");
    private static final Predicate<String> DEVICE_COUNTS = Pattern.compile("\\d+ devices?, .*").asMatchPredicate();
    /** Gogo's answer while a command's bundle is still starting. */
    private static final Predicate<String> NOT_FOUND = line -> line.contains("Command not found");

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private final LeakTable table = new LeakTable();
    private BenchProcess bench;

    @Test
    void switchingEachFeatureOffAndOnWhileTheOthersWorkLeavesNothingBehind() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--features", String.join(",", FEATURES)));
        for (String server : SERVERS) {
            arguments.addAll(List.of("--set", "io.fieldbench." + server + ".port=0",
                    "--set", "io.fieldbench." + server + ".bind.address=127.0.0.1"));
        }
        Mosquitto broker = headless.closeAfter(Mosquitto.anonymous(headless.data().resolveSibling("broker")));
        arguments.addAll(List.of("--set", "io.fieldbench.bridge.broker=" + broker.uri()));
        bench = headless.start(arguments.toArray(String[]::new));
        BackgroundTraffic traffic = headless.closeAfter(new BackgroundTraffic());
        for (String feature : FEATURES) {
            awaitWorking(feature, traffic);
        }
        long pid = benchPid();
        for (int i = 0; i < WARM_UP_CYCLES; i++) {
            for (String feature : FEATURES) {
                cycle(feature, traffic);
            }
        }

        ProcessFigures before = ProcessFigures.of(pid);
        for (String feature : FEATURES) {
            long start = System.nanoTime();
            for (int i = 0; i < CYCLES; i++) {
                cycle(feature, traffic);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            ProcessFigures after = settled(pid, before);
            table.add(feature + " off and on", CYCLES, took, before, after);
            before = after;
        }

        System.out.printf("%s%nbackground traffic: %d datagrams, %d chat connections%n", table.markdown(),
                traffic.datagrams(), traffic.chatConnections());
        assertEquals(List.of(), table.leaks(), "figures past their margins");
        assertTrue(traffic.chatConnections() > 1, "the chat client connected again after the server came back");
    }

    @Test
    void hotDeployingTheExampleDecoderAgainAndAgainLeavesNothingBehind() throws Exception {
        headless.environment("JDK_JAVA_OPTIONS", "-Dorg.apache.felix.log.maxSize=" + HOT_DEPLOY_LOG_HISTORY);
        bench = headless.startServer("udp,decoders,registry", "io.fieldbench.udp", 0);
        DatagramSocket device = headless.closeAfter(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        InetSocketAddress collector = new InetSocketAddress(InetAddress.getLoopbackAddress(), listeningPort("udp"));
        long pid = benchPid();
        int frames = 0;
        for (int i = 0; i < WARM_UP_CYCLES; i++) {
            hotDeploy(device, collector, ++frames);
        }
        String bundlesBefore = bundles();
        ProcessFigures before = ProcessFigures.of(pid);
        long start = System.nanoTime();
        for (int i = 0; i < CYCLES; i++) {
            hotDeploy(device, collector, ++frames);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        ProcessFigures after = settled(pid, before);
        String bundlesAfter = bundles();

        table.add("example decoder hot-deployed and removed", CYCLES, took, before, after);
        System.out.printf("%sbundles: %s → %s%n", table.markdown(), bundlesBefore, bundlesAfter);
        assertEquals(List.of(), table.leaks(), "figures past their margins");
        assertEquals(bundlesBefore, bundlesAfter, "the bundles once the decoder is gone");
    }

    /** Drops the decoder's jar into deploy/, waits until it decodes a frame, deletes the jar and waits until it is gone. */
    private void hotDeploy(DatagramSocket device, InetSocketAddress collector, int frame) throws Exception {
        Path jar = Files.copy(Distribution.exampleDecoderJar(), headless.home().resolve("deploy/example-decoder.jar"));
        askUntil("udp:status", DECODING, line -> line.contains("example"), "the example decoder listed");
        byte[] payload = ("EX id:" + DEVICE + " seq:" + frame + " temp:20.5 state:ok").getBytes(StandardCharsets.UTF_8);
        device.send(new DatagramPacket(payload, payload.length, collector));
        askUntil("fb:devices --count " + DEVICE, DEVICE_COUNTS, line -> line.contains(" " + frame + " packets, 0 decode errors"),
                "frame " + frame + " decoded");
        Files.delete(jar);
        askUntil("udp:status", DECODING, line -> !line.contains("example"), "the example decoder gone");
    }

    /** The {@code bundles:} line of {@code fb:status}: how many are active of how many installed. */
    private String bundles() throws InterruptedException {
        return bench.ask("fb:status", line -> line.startsWith("bundles:"), "the bundle count").substring("bundles:".length()).trim();
    }

    /** Switches the feature off and on as a user does, and waits until it works again. */
    private void cycle(String feature, BackgroundTraffic traffic) throws Exception {
        answer("fb:disable " + feature, "disabled " + feature);
        answer("fb:enable " + feature, "enabled " + feature);
        awaitWorking(feature, traffic);
    }

    /** Sends the command and fails unless its answer starts as expected (rather than with an error). */
    private void answer(String command, String expected) throws InterruptedException {
        String answer = bench.ask(command, line -> line.startsWith(expected) || line.startsWith("error:"), "'" + expected + "'");
        assertTrue(answer.startsWith(expected), command + ": " + answer);
    }

    /** Waits until a server listens (and points the traffic at it), the bridge is connected, or a simulation runs (5 devices, 200/s). */
    private void awaitWorking(String feature, BackgroundTraffic traffic) throws Exception {
        switch (feature) {
            case "udp" -> traffic.collectorAt(listeningPort(feature));
            case "chat" -> traffic.chatAt(listeningPort(feature));
            case "files", "imagerelay" -> listeningPort(feature);
            case "bridge" -> askUntil("bridge:status", BRIDGE_STATE, line -> line.startsWith("connected to "), "the bridge connected");
            case "sim" -> answer("sim:start 5 200 text 127.0.0.1:" + listeningPort("udp") + " " + SIMULATION_SECONDS, "started: ");
            default -> {
                // no server: working once enabled
            }
        }
    }

    /**
     * Asks until the line of the answer that {@code answer} picks is {@code done}. Unlike
     * {@link BenchProcess#askUntil}, which waits for a quiet second after each answer, this asks
     * again as soon as the line says "not yet": a hot deploy takes hundreds of such questions.
     */
    private String askUntil(String command, Predicate<String> answer, Predicate<String> done, String what) throws Exception {
        String[] line = new String[1];
        Poll.until(() -> done.test(line[0] = bench.ask(command, answer.or(NOT_FOUND), what)), what);
        return line[0];
    }

    private int listeningPort(String server) throws Exception {
        Matcher listening = LISTENING.matcher(askUntil(server + ":status", SERVER_STATE, line -> LISTENING.matcher(line).matches(),
                server + " listening"));
        assertTrue(listening.matches());
        return Integer.parseInt(listening.group(1));
    }

    /**
     * Measures until every figure is back within its margin, or until the deadline: a thread
     * or a file a stopped feature releases a moment later is no leak.
     */
    private static ProcessFigures settled(long pid, ProcessFigures before) throws Exception {
        long end = System.nanoTime() + BenchProcess.DEADLINE.toNanos();
        ProcessFigures after = ProcessFigures.of(pid);
        while (!LeakMargins.exceeded(before, after).isEmpty() && System.nanoTime() < end) {
            after = ProcessFigures.of(pid); // each measure runs a full GC and takes a while: no pause needed
        }
        return after;
    }

    /** The bench is a child of this JVM whose arguments name the test's data folder. */
    private long benchPid() {
        String data = headless.data().toString();
        return ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(arguments -> Arrays.asList(arguments).contains(data)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no bench process with data in " + data)).pid();
    }
}
