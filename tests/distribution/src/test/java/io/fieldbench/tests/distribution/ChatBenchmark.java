package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldbench.tests.distribution.BenchmarkTable.Better;
import io.fieldbench.tests.distribution.BenchmarkTable.Row;

/**
 * The chat benchmark: the same loads on loopback against (a) a thread-per-client Python server, the
 * baseline ({@link ThreadPerClientServer}), and (b) the bench's chat server (line framing, echo on):
 * for each number of idle clients, their memory and a 1 KB broadcast to all of them, timed two ways:
 * from the console (the command sent until every client has the bytes) and the server path (the
 * server's own time from taking the request until the last write to a client's socket); then echo
 * with 100 clients (lines/s, MB/s), against a Python server started anew for it. Prints the figures
 * side by side and adds the headline figures to the {@link BenchmarkTable}. Connects only to
 * 127.0.0.1; stops by itself.
 * <p>
 * {@code mvn -B -q -f tests/distribution/pom.xml -Pbenchmark verify [-Dbenchmark.chat.clients=2000,10000]
 * [-Dbenchmark.chat.broadcasts=5] [-Dbenchmark.chat.warmup.writes=40000] [-Dbenchmark.chat.echo.seconds=5]}
 */
public final class ChatBenchmark {

    private static final int BROADCAST_BYTES = 1_024;
    private static final int ECHO_CLIENTS = 100;
    private static final Duration ECHO_WARM_UP = Duration.ofSeconds(2);
    /** File descriptors kept free for the JVM, Maven and the bench's console beyond one per client. */
    private static final int SPARE_FDS = 200;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /**
     * Until every client has left: the thread-per-client Python server wakes one thread per leaving client,
     * each waiting its turn for the interpreter lock; it took from seconds to over 300 s for 10 000.
     */
    private static final Duration LEAVE_DEADLINE = Duration.ofSeconds(300);
    private static final Pattern MEMORY = Pattern.compile("memory:\\s+(\\d+) MiB used");
    private static final Pattern CLIENTS = Pattern.compile("clients:\\s+(\\d+) of");
    private static final Pattern DELIVERED = Pattern.compile("broadcasts: (\\d+), the last .* on all their sockets in ([\\d.]+) ms");

    private final List<Integer> wantedClients = Arrays.stream(System.getProperty("benchmark.chat.clients", "2000,10000")
            .split(",")).map(String::trim).map(Integer::valueOf).sorted().toList();
    /** Broadcasts measured at each number of clients, after those that warm up (the first one's time is shown, not counted). */
    private final int broadcasts = Integer.getInteger("benchmark.chat.broadcasts", 5);
    /**
     * Client writes the broadcasts that warm up make at each number of clients (at least one broadcast): enough
     * for the JIT to have compiled the bench's write path, which it began after some 10 000 writes here (later
     * while the compiler is busy) and which takes its compiler up to a second of one core, so that the measured
     * broadcasts time the server rather than its compiler. 0: one broadcast, as the benchmark did before.
     */
    private final int warmUpWrites = Integer.getInteger("benchmark.chat.warmup.writes", 40_000);
    private final int echoSeconds = Integer.getInteger("benchmark.chat.echo.seconds", 5);

    /** What the benchmark asks of either server. */
    private interface ChatUnderTest {

        int port();

        /** Its clients, as it counts them. */
        int clients() throws Exception;

        /** Asks for a broadcast of the text to every client; does not wait for it. */
        void startBroadcast(String text) throws IOException;

        /** Waits for the answer to the broadcast: its own time from the request until the last client's socket had it. */
        double broadcastMillis() throws Exception;

        /** The server's process. */
        ProcessHandle process();
    }

    /**
     * The broadcast figures at one number of clients, in ms: the first, then the median of the measured
     * ones, and the processor time the server spent per measured broadcast (less swayed than the
     * times by what else runs on the machine).
     */
    private record Broadcasts(long idleRssKiB, double firstMillis, double consoleMillis, double serverMillis, double cpuMillis) {
    }

    private static final class Figures {
        final Map<Integer, Broadcasts> broadcasts = new TreeMap<>();
        String heapMiB = "-";
        EchoLoad.Echo echo;
        long echoRssKiB;
    }

    public static void main(String[] args) throws Exception {
        new ChatBenchmark().run();
    }

    private void run() throws Exception {
        List<Integer> counts = fitting(wantedClients);
        System.out.printf(Locale.ROOT, "Chat benchmark: %s idle clients, a %d-byte broadcast to all (%d times after warming"
                + " up with %,d client writes), echo of %d-byte lines with %d clients for %d s; loopback, %d cores%n", counts,
                BROADCAST_BYTES, broadcasts, warmUpWrites,
                EchoLoad.LINE_BYTES, ECHO_CLIENTS, echoSeconds, Runtime.getRuntime().availableProcessors());
        Path temporary = ScratchFolder.deletedOnExit("fieldbench-chat-benchmark");
        Figures python = new Figures();
        try (ThreadPerClientServer server = ThreadPerClientServer.start(temporary)) {
            atEachCount(python(server), counts, python);
        }
        // a Python server of its own for echo: the first was once seen still counting 2 435 of 10 000 closed
        // clients after 300 s, and its threads waking for them would slow the echo measured meanwhile
        try (ThreadPerClientServer server = ThreadPerClientServer.start(temporary)) {
            echo(python(server), python);
        }
        Figures bench = bench(temporary, counts);
        print(counts, python, bench);
        addRows(counts, python, bench);
    }

    /** The numbers of clients to measure, each only if the file-descriptor limit allows: each side needs one per client. */
    private static List<Integer> fitting(List<Integer> wanted) {
        long limit = openFileLimit();
        List<Integer> fitting = new ArrayList<>();
        for (int clients : wanted) {
            if (limit > 0 && clients + SPARE_FDS > limit) {
                System.out.printf("note: the open-file limit is %d (ulimit -n), too low for %,d clients; left out%n", limit, clients);
            } else {
                fitting.add(clients);
            }
        }
        if (fitting.isEmpty()) {
            throw new IllegalStateException("the open-file limit (ulimit -n) allows none of " + wanted + " clients");
        }
        return fitting;
    }

    private static long openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: assume enough
        }
        return -1;
    }

    /** At each number of clients, their memory and the broadcasts; the last clients may still be leaving at the end. */
    private void atEachCount(ChatUnderTest server, List<Integer> counts, Figures figures) throws Exception {
        for (int count : counts) {
            awaitCount(server::clients, 0, "the clients to leave", LEAVE_DEADLINE);
            try (IdleClients idle = IdleClients.connect(server.port(), count)) {
                awaitCount(server::clients, count, "the client count", DEADLINE);
                figures.broadcasts.put(count, broadcasts(server, idle, count, BenchmarkTable.rssKiB(server.process().pid())));
            }
        }
    }

    /** Echo with {@value #ECHO_CLIENTS} clients, once every client before them has left. */
    private void echo(ChatUnderTest server, Figures figures) throws Exception {
        awaitCount(server::clients, 0, "the clients to leave", LEAVE_DEADLINE);
        EchoLoad.run(server.port(), ECHO_CLIENTS, ECHO_WARM_UP);
        figures.echo = EchoLoad.run(server.port(), ECHO_CLIENTS, Duration.ofSeconds(echoSeconds));
        figures.echoRssKiB = BenchmarkTable.rssKiB(server.process().pid());
    }

    private Broadcasts broadcasts(ChatUnderTest server, IdleClients idle, int clients, long idleRssKiB) throws Exception {
        String text = "x".repeat(BROADCAST_BYTES);
        int warmUps = warmUps(clients);
        double first = 0;
        double[] console = new double[broadcasts];
        double[] own = new double[broadcasts];
        Duration cpu = Duration.ZERO;
        for (int round = 0; round < warmUps + broadcasts; round++) {
            Duration cpuBefore = cpu(server.process());
            long start = System.nanoTime();
            server.startBroadcast(text);
            idle.awaitEach((round + 1L) * (BROADCAST_BYTES + 1), DEADLINE);
            double untilAll = (System.nanoTime() - start) / 1e6;
            Duration cpuUsed = cpu(server.process()).minus(cpuBefore);
            double serverMillis = server.broadcastMillis(); // after: asking for it costs the server too
            if (round == 0) {
                first = untilAll;
            } else if (round >= warmUps) {
                console[round - warmUps] = untilAll;
                own[round - warmUps] = serverMillis;
                cpu = cpu.plus(cpuUsed);
            }
        }
        return new Broadcasts(idleRssKiB, first, median(console), median(own), cpu.toNanos() / 1e6 / broadcasts);
    }

    /** The broadcasts that warm up at this number of clients. */
    private int warmUps(int clients) {
        return Math.max(1, (warmUpWrites + clients - 1) / clients);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the processor time of process " + process.pid() + " is unknown"));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static ChatUnderTest python(ThreadPerClientServer server) {
        return new ChatUnderTest() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public int clients() throws IOException {
                return server.clients();
            }

            @Override
            public void startBroadcast(String text) throws IOException {
                server.startBroadcast(text);
            }

            @Override
            public double broadcastMillis() throws IOException {
                return server.broadcastMillis();
            }

            @Override
            public ProcessHandle process() {
                return server.process();
            }
        };
    }

    private Figures bench(Path temporary, List<Integer> counts) throws Exception {
        Path home = Distribution.copyTo(temporary.resolve("fieldbench"));
        int port = freePort();
        String pid = "io.fieldbench.chat.";
        try (BenchProcess bench = BenchProcess.start(home, Map.of(), "--headless", "--data", temporary.resolve("data").toString(),
                "--features", "chat", "--set", pid + "port=" + port, "--set", pid + "bind.address=127.0.0.1",
                "--set", pid + "framing=line", "--set", pid + "echo=true", "--set", pid + "idle.timeout.seconds=0")) {
            bench.awaitLine(line -> line.startsWith("Fieldbench started in"), "announcing the start");
            bench.askUntil("chat:status", line -> line.startsWith("running on 127.0.0.1:"), "running on loopback");
            Figures figures = new Figures();
            ChatUnderTest chat = benchChat(bench, port, benchProcess(home));
            atEachCount(chat, counts, figures);
            echo(chat, figures);
            Matcher memory = MEMORY.matcher(bench.ask("fb:status", line -> line.startsWith("memory:"), "the memory figure"));
            figures.heapMiB = memory.find() ? memory.group(1) + " MiB" : "?";
            bench.send("fb:shutdown");
            bench.awaitExit();
            return figures;
        }
    }

    /** The bench's console; its broadcast times are its own, from {@code chat:status}. */
    private static ChatUnderTest benchChat(BenchProcess bench, int port, ProcessHandle benchProcess) {
        return new ChatUnderTest() {
            private int broadcasts;

            @Override
            public int port() {
                return port;
            }

            @Override
            public int clients() throws InterruptedException {
                Matcher m = CLIENTS.matcher(bench.ask("chat:status", line -> line.startsWith("clients:"), "the chat client count"));
                if (!m.find()) {
                    throw new IllegalStateException("chat:status answered in an unknown form");
                }
                return Integer.parseInt(m.group(1));
            }

            @Override
            public void startBroadcast(String text) {
                bench.send("fb:broadcast " + text);
                broadcasts++;
            }

            @Override
            public double broadcastMillis() throws InterruptedException {
                String last = bench.askUntil("chat:status", line -> {
                    Matcher m = DELIVERED.matcher(line);
                    return m.find() && Integer.parseInt(m.group(1)) == broadcasts;
                }, "broadcast " + broadcasts + " on all sockets");
                Matcher m = DELIVERED.matcher(last);
                m.find();
                return Double.parseDouble(m.group(2));
            }

            @Override
            public ProcessHandle process() {
                return benchProcess;
            }
        };
    }

    /** The bench is a child of this JVM; its command line names its copy of fieldbench.jar. */
    private static ProcessHandle benchProcess(Path home) {
        String jar = home.resolve("fieldbench.jar").toString();
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .max(Comparator.comparingLong(ProcessHandle::pid))
                .orElseThrow(() -> new IllegalStateException("no bench process running " + jar));
    }

    /** Polls a count in another process until it is as expected; fails at the deadline. */
    private static void awaitCount(Callable<Integer> count, int expected, String what, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        int seen;
        while ((seen = count.call()) != expected) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " is " + seen + ", not " + expected + ", after " + deadline.toSeconds() + " s");
            }
            Thread.sleep(200); // another process's count: nothing to wait on
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private void print(List<Integer> counts, Figures python, Figures bench) {
        System.out.println();
        line("", "(a) Python", "(b) bench");
        for (int count : counts) {
            Broadcasts a = python.broadcasts.get(count);
            Broadcasts b = bench.broadcasts.get(count);
            line(String.format(Locale.ROOT, "%,d idle clients: RSS", count), BenchmarkTable.mib(a.idleRssKiB()),
                    BenchmarkTable.mib(b.idleRssKiB()));
            line("  broadcast 1 KB, first", millis(a.firstMillis()), millis(b.firstMillis()));
            line("  then median: console until all", millis(a.consoleMillis()), millis(b.consoleMillis()));
            line("    server: request to last write", millis(a.serverMillis()), millis(b.serverMillis()));
            line("    server CPU per broadcast", millis(a.cpuMillis()), millis(b.cpuMillis()));
        }
        line("heap used at the end", "-", bench.heapMiB);
        line("echo, " + ECHO_CLIENTS + " clients: lines/s", String.format(Locale.ROOT, "%,.0f", python.echo.linesPerSecond()),
                String.format(Locale.ROOT, "%,.0f", bench.echo.linesPerSecond()));
        line("  MB/s (each way)", String.format(Locale.ROOT, "%.1f", python.echo.megabytesPerSecond()),
                String.format(Locale.ROOT, "%.1f", bench.echo.megabytesPerSecond()));
    }

    private static void line(String figure, String python, String bench) {
        System.out.printf("%-36s %14s %14s%n", figure, python, bench);
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%,.1f ms", millis);
    }

    private void addRows(List<Integer> counts, Figures python, Figures bench) throws IOException {
        for (int i = counts.size() - 1; i >= 0; i--) {
            int count = counts.get(i);
            Broadcasts a = python.broadcasts.get(count);
            Broadcasts b = bench.broadcasts.get(count);
            String broadcast = String.format(Locale.ROOT, "chat: broadcast 1 KB to %,d clients", count);
            BenchmarkTable.add(new Row(broadcast + ", typed at the console until all have it (median)", "ms", Better.LOWER,
                    b.consoleMillis(), a.consoleMillis(), b.idleRssKiB(), a.idleRssKiB()));
            BenchmarkTable.add(new Row(broadcast + ", server path: request to last socket write (median)", "ms", Better.LOWER,
                    b.serverMillis(), a.serverMillis(), b.idleRssKiB(), a.idleRssKiB()));
        }
        int most = counts.get(counts.size() - 1);
        long benchIdle = bench.broadcasts.get(most).idleRssKiB();
        long pythonIdle = python.broadcasts.get(most).idleRssKiB();
        BenchmarkTable.add(new Row(String.format(Locale.ROOT, "chat: RSS with %,d idle clients", most), "MiB", Better.LOWER,
                benchIdle / 1024.0, pythonIdle / 1024.0, benchIdle, pythonIdle));
        BenchmarkTable.add(new Row("chat: echo, " + ECHO_CLIENTS + " clients, 100-byte lines", "lines/s", Better.HIGHER,
                bench.echo.linesPerSecond(), python.echo.linesPerSecond(), bench.echoRssKiB, python.echoRssKiB));
    }
}
