package io.fieldbench.tests.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat benchmark: the same three loads on loopback against (a) a thread-per-client Python
 * server, the baseline, which the benchmark writes to a temporary file and runs with python3, and
 * (b) the bench's chat server (line framing, echo on): many idle clients (memory), a broadcast of
 * 1 KB to all of them (time until every client has it), and echo with 100 clients (lines/s, MB/s).
 * Prints the figures side by side. Connects only to 127.0.0.1; stops by itself.
 * <p>
 * {@code mvn -B -q -f tests/distribution/pom.xml -Pbenchmark verify
 * [-Dbenchmark.chat.clients=10000] [-Dbenchmark.chat.echo.seconds=5]}
 */
public final class ChatBenchmark {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int BROADCAST_BYTES = 1_024;
    private static final int ECHO_CLIENTS = 100;
    private static final int ECHO_LINE_BYTES = 100;
    /** Lines an echo client sends before it reads their echoes: enough to keep the pipe full, few enough for any buffer. */
    private static final int ECHO_BATCH = 32;
    private static final Duration ECHO_WARM_UP = Duration.ofSeconds(2);
    /** File descriptors kept free for the JVM, Maven and the bench's console beyond one per client. */
    private static final int SPARE_FDS = 200;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern MEMORY = Pattern.compile("memory:\\s+(\\d+) MiB used");
    private static final Pattern CLIENTS = Pattern.compile("clients:\\s+(\\d+) of");

    /**
     * The baseline: accepts on loopback, one thread per client, echoes lines; "!count" answers the
     * number of clients, "!broadcast TEXT" sends TEXT to every other client and answers "!done". Ends
     * when its standard input closes, so it cannot outlive the benchmark.
     */
    private static final String PYTHON_SERVER = """
            import os, socket, sys, threading
            threading.stack_size(256 * 1024)
            clients = set()
            lock = threading.Lock()
            def serve(c):
                with lock:
                    clients.add(c)
                try:
                    f = c.makefile('rb')
                    for line in f:
                        if line.startswith(b'!broadcast '):
                            text = line[len(b'!broadcast '):]
                            with lock:
                                others = [o for o in clients if o is not c]
                            for o in others:
                                try:
                                    o.sendall(text)
                                except OSError:
                                    pass
                            c.sendall(b'!done\\n')
                        elif line == b'!count\\n':
                            with lock:
                                n = len(clients) - 1
                            c.sendall(b'%d\\n' % n)
                        else:
                            c.sendall(line)
                except OSError:
                    pass
                finally:
                    with lock:
                        clients.discard(c)
                    c.close()
            def watch_stdin():
                sys.stdin.read()
                os._exit(0)
            threading.Thread(target=watch_stdin, daemon=True).start()
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', 0))
            s.listen(4096)
            print(s.getsockname()[1], flush=True)
            while True:
                c, _ = s.accept()
                threading.Thread(target=serve, args=(c,), daemon=True).start()
            """;

    private final int wantedClients = Integer.getInteger("benchmark.chat.clients", 10_000);
    private final int echoSeconds = Integer.getInteger("benchmark.chat.echo.seconds", 5);

    public static void main(String[] args) throws Exception {
        new ChatBenchmark().run();
    }

    private void run() throws Exception {
        int clients = idleClients();
        System.out.printf("Chat benchmark: %,d idle clients, a %d-byte broadcast to all, echo of %d-byte lines with %d clients"
                + " for %d s; loopback, %d cores%n", clients, BROADCAST_BYTES, ECHO_LINE_BYTES, ECHO_CLIENTS, echoSeconds,
                Runtime.getRuntime().availableProcessors());
        Path temporary = Files.createTempDirectory("fieldbench-chat-benchmark");
        Figures python = python(temporary, clients);
        Figures bench = bench(temporary, clients);

        System.out.println();
        System.out.printf("%-34s %14s %14s%n", "", "(a) Python", "(b) bench");
        System.out.printf("%-34s %14s %14s%n", String.format("%,d idle clients: RSS", clients),
                BenchmarkTable.mib(python.rssKiB), BenchmarkTable.mib(bench.rssKiB));
        System.out.printf("%-34s %14s %14s%n", "  heap used", "-", bench.heapMiB + " MiB");
        System.out.printf("%-34s %14s %14s%n", "broadcast 1 KB to all: until all",
                millis(python.broadcastNanos), millis(bench.broadcastNanos));
        System.out.printf("%-34s %,14.0f %,14.0f%n", "echo, " + ECHO_CLIENTS + " clients: lines/s",
                python.echo.linesPerSecond(), bench.echo.linesPerSecond());
        System.out.printf("%-34s %14.1f %14.1f%n", "  MB/s (each way)", python.echo.megabytesPerSecond(),
                bench.echo.megabytesPerSecond());
    }

    /** As many idle clients as wanted, unless the file-descriptor limit forbids: each side needs one per client. */
    private int idleClients() {
        long limit = openFileLimit();
        if (limit > 0 && wantedClients + SPARE_FDS > limit) {
            int fitting = (int) Math.max(ECHO_CLIENTS, limit - SPARE_FDS);
            System.out.printf("note: the open-file limit is %d (ulimit -n), too low for %,d clients; measuring %,d%n",
                    limit, wantedClients, fitting);
            return fitting;
        }
        return wantedClients;
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

    private Figures python(Path temporary, int clients) throws Exception {
        Path script = temporary.resolve("thread_per_client_server.py");
        Files.writeString(script, PYTHON_SERVER);
        Process process = new ProcessBuilder("python3", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(out.readLine().trim());
            try (SocketChannel control = SocketChannel.open(new InetSocketAddress(LOOPBACK, port))) {
                ControlLine console = new ControlLine(control);
                Figures figures = new Figures();
                try (Idle idle = Idle.connect(port, clients)) {
                    awaitCount(() -> Integer.parseInt(console.ask("!count")), clients, "the Python server's client count");
                    figures.rssKiB = BenchmarkTable.rssKiB(process.pid());
                    long start = System.nanoTime();
                    console.send("!broadcast " + "x".repeat(BROADCAST_BYTES));
                    idle.awaitEach(BROADCAST_BYTES + 1);
                    figures.broadcastNanos = System.nanoTime() - start;
                    console.readLine(); // the server's "!done"
                }
                awaitCount(() -> Integer.parseInt(console.ask("!count")), 0, "the Python server's clients to leave");
                figures.echo = echo(port);
                return figures;
            }
        } finally {
            process.getOutputStream().close(); // the script exits when its input ends
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Figures bench(Path temporary, int clients) throws Exception {
        Path home = Distribution.copyTo(temporary.resolve("fieldbench"));
        int port = freePort();
        String pid = "io.fieldbench.chat.";
        try (BenchProcess bench = BenchProcess.start(home, Map.of(), "--headless", "--data", temporary.resolve("data").toString(),
                "--features", "chat", "--set", pid + "port=" + port, "--set", pid + "bind.address=127.0.0.1",
                "--set", pid + "framing=line", "--set", pid + "echo=true", "--set", pid + "idle.timeout.seconds=0")) {
            bench.awaitLine(line -> line.startsWith("Fieldbench started in"), "announcing the start");
            bench.askUntil("chat:status", line -> line.startsWith("running on 127.0.0.1:"), "running on loopback");
            long benchPid = benchPid(home);
            Figures figures = new Figures();
            try (Idle idle = Idle.connect(port, clients)) {
                awaitCount(() -> chatClients(bench), clients, "the bench's client count");
                bench.send("fb:status");
                Matcher memory = MEMORY.matcher(bench.awaitLine(line -> line.startsWith("memory:"), "the memory figure"));
                figures.heapMiB = memory.find() ? memory.group(1) : "?";
                figures.rssKiB = BenchmarkTable.rssKiB(benchPid);
                long start = System.nanoTime();
                bench.send("fb:broadcast " + "x".repeat(BROADCAST_BYTES));
                idle.awaitEach(BROADCAST_BYTES + 1);
                figures.broadcastNanos = System.nanoTime() - start;
            }
            awaitCount(() -> chatClients(bench), 0, "the bench's clients to leave");
            figures.echo = echo(port);
            bench.send("fb:shutdown");
            bench.awaitExit();
            return figures;
        }
    }

    /** The bench is a child of this JVM; its command line names its copy of fieldbench.jar. */
    private static long benchPid(Path home) {
        String jar = home.resolve("fieldbench.jar").toString();
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .mapToLong(ProcessHandle::pid).max()
                .orElseThrow(() -> new IllegalStateException("no bench process running " + jar));
    }

    private static int chatClients(BenchProcess bench) {
        try {
            bench.send("chat:status");
            Matcher m = CLIENTS.matcher(bench.awaitLine(line -> line.startsWith("clients:"), "the chat client count"));
            if (!m.find()) {
                throw new IllegalStateException("chat:status answered in an unknown form");
            }
            return Integer.parseInt(m.group(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a count in another process until it is as expected; fails at the deadline. */
    private static void awaitCount(Callable<Integer> count, int expected, String what) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        int seen;
        while ((seen = count.call()) != expected) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " is " + seen + ", not " + expected + ", after " + DEADLINE.toSeconds() + " s");
            }
            Thread.sleep(200); // another process's count: nothing to wait on
        }
    }


    /** A warm-up, then {@link #ECHO_CLIENTS} clients each sending batches of lines and reading their echoes. */
    private Echo echo(int port) throws Exception {
        runEcho(port, ECHO_WARM_UP);
        return runEcho(port, Duration.ofSeconds(echoSeconds));
    }

    private static Echo runEcho(int port, Duration length) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(ECHO_CLIENTS);
        try {
            long start = System.nanoTime();
            long end = start + length.toNanos();
            List<Future<Long>> lines = new ArrayList<>();
            for (int i = 0; i < ECHO_CLIENTS; i++) {
                lines.add(clients.submit(() -> echoClient(port, end)));
            }
            long total = 0;
            for (Future<Long> counted : lines) {
                total += counted.get(length.toSeconds() + DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
            return new Echo(total, System.nanoTime() - start);
        } finally {
            clients.shutdownNow();
        }
    }

    private static long echoClient(int port, long endNanos) throws IOException {
        byte[] line = new byte[ECHO_LINE_BYTES];
        Arrays.fill(line, (byte) 'e');
        line[ECHO_LINE_BYTES - 1] = '\n';
        ByteBuffer batch = ByteBuffer.allocate(ECHO_LINE_BYTES * ECHO_BATCH);
        for (int i = 0; i < ECHO_BATCH; i++) {
            batch.put(line);
        }
        ByteBuffer echoed = ByteBuffer.allocate(batch.capacity());
        long lines = 0;
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(LOOPBACK, port))) {
            while (System.nanoTime() < endNanos) {
                batch.rewind();
                while (batch.hasRemaining()) {
                    channel.write(batch);
                }
                echoed.clear();
                while (echoed.hasRemaining()) {
                    if (channel.read(echoed) < 0) {
                        throw new IOException("the server closed an echo client after " + lines + " lines");
                    }
                }
                lines += ECHO_BATCH;
            }
        }
        return lines;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }


    private static String millis(long nanos) {
        return String.format("%,.1f ms", nanos / 1e6);
    }

    /** Many connected clients that only read, on one selector. */
    private static final class Idle implements AutoCloseable {

        private final Selector selector;
        private final List<SocketChannel> channels;

        private Idle(Selector selector, List<SocketChannel> channels) {
            this.selector = selector;
            this.channels = channels;
        }

        static Idle connect(int port, int count) throws IOException {
            Selector selector = Selector.open();
            List<SocketChannel> channels = new ArrayList<>(count);
            Idle idle = new Idle(selector, channels);
            try {
                for (int i = 0; i < count; i++) {
                    SocketChannel channel = SocketChannel.open(new InetSocketAddress(LOOPBACK, port));
                    channels.add(channel);
                    channel.configureBlocking(false);
                    channel.register(selector, SelectionKey.OP_READ, new long[1]);
                }
            } catch (IOException e) {
                idle.close();
                throw new IOException("connecting client " + (channels.size() + 1) + " of " + count + ": " + e.getMessage(), e);
            }
            return idle;
        }

        /** Reads until every client has received this many bytes; fails at the deadline. */
        void awaitEach(int bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            int done = 0;
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (done < channels.size()) {
                if (System.nanoTime() > end) {
                    throw new AssertionError(done + " of " + channels.size() + " clients had the broadcast after "
                            + DEADLINE.toSeconds() + " s");
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    long[] received = (long[]) key.attachment();
                    buffer.clear();
                    int read = ((SocketChannel) key.channel()).read(buffer);
                    if (read < 0) {
                        throw new IOException("the server closed an idle client");
                    }
                    boolean before = received[0] >= bytes;
                    received[0] += read;
                    if (!before && received[0] >= bytes) {
                        done++;
                    }
                }
                selector.selectedKeys().clear();
            }
        }

        @Override
        public void close() throws IOException {
            for (SocketChannel channel : channels) {
                channel.close();
            }
            selector.close();
        }
    }

    /** A line-based request and answer on the Python server's control connection. */
    private static final class ControlLine {

        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(4096);

        ControlLine(SocketChannel channel) {
            this.channel = channel;
            in.flip();
        }

        void send(String line) throws IOException {
            ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }

        /** Sends a command and reads its one-line answer. */
        String ask(String command) throws IOException {
            send(command);
            return readLine();
        }

        String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                while (in.hasRemaining()) {
                    char c = (char) in.get();
                    if (c == '\n') {
                        return line.toString();
                    }
                    line.append(c);
                }
                in.clear();
                if (channel.read(in) < 0) {
                    throw new IOException("the Python server closed its control connection");
                }
                in.flip();
            }
        }
    }

    private static final class Figures {
        long rssKiB;
        String heapMiB = "-";
        long broadcastNanos;
        Echo echo;
    }

    private record Echo(long lines, long nanos) {
        double linesPerSecond() {
            return lines / (nanos / 1e9);
        }

        double megabytesPerSecond() {
            return lines * ECHO_LINE_BYTES / (nanos / 1e9) / 1e6;
        }
    }
}
