package io.fieldbench.tests.distribution;

import static io.fieldbench.tests.distribution.RelayBench.TOKEN;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.imageio.ImageIO;

/**
 * The image relay benchmark, on loopback, with one lean Java client ({@link LeanWebSocket}, the
 * same for every server, so that a round trip's time is mostly the server's): JPEG round trips of
 * about 1 MB and 7 MB (an {@code image} header and the bytes, echoed back) against (a) a Python
 * {@code websockets} echo server, the baseline, and (b) the bench's relay in echo mode; then against
 * the bench as shipped, (c) uploads until the {@code stored} reply (image check, SHA-256, file write)
 * and relay of each upload to 20 other clients. Prints latency percentiles, throughput and the
 * servers' resident memory after each figure, and adds the figures with a baseline to the
 * {@link BenchmarkTable}. Without Python's websockets it says how to install it and measures the
 * bench alone. Connects only to 127.0.0.1; stops by itself.
 * <p>
 * {@code mvn -B -q -f tests/distribution/pom.xml -Pbenchmark test-compile exec:java@image-relay-benchmark
 * [-Dbenchmark.relay.rounds=200] [-Dbenchmark.relay.large.rounds=50] [-Dbenchmark.relay.clients=20]
 * [-Dbenchmark.relay.python=/usr/bin/python3]}
 */
public final class ImageRelayBenchmark {

    private static final int SMALL_BYTES = 1_000_000;
    private static final int LARGE_BYTES = 7_000_000;
    /**
     * Bytes of each size sent before measuring, so that both sides are measured with their code
     * compiled: the bench's JIT needs some hundred round trips, and compiles during fewer.
     */
    private static final int WARM_UP_BYTES = 200_000_000;
    /** The JPEG comment marker: a numbered comment makes each upload a distinct image (no duplicate). */
    private static final int COMMENT = 0xFE;
    private static final double MB = 1e6;
    static final String INSTALL_BASELINE = "the baseline needs Debian's python3-websockets: sudo apt install python3-websockets";

    /**
     * The baseline: echoes every message on loopback, no compression, messages up to 64 MiB. Prints
     * its port; ends when its standard input closes, so it cannot outlive the benchmark.
     */
    private static final String PYTHON_ECHO = """
            import asyncio, sys, websockets
            async def echo(socket, path=None):
                try:
                    async for message in socket:
                        await socket.send(message)
                except websockets.ConnectionClosed:
                    pass  # the client left without a close frame
            async def main():
                # no keepalive pings: the bench sends none while messages flow, and the client reads only messages
                async with websockets.serve(echo, '127.0.0.1', 0, compression=None, max_size=64 * 2**20,
                                            ping_interval=None) as server:
                    print(server.sockets[0].getsockname()[1], flush=True)
                    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
            asyncio.run(main())
            """;

    private final int rounds = Integer.getInteger("benchmark.relay.rounds", 200);
    private final int largeRounds = Integer.getInteger("benchmark.relay.large.rounds", 50);
    private final int relayClients = Integer.getInteger("benchmark.relay.clients", 20);
    /** Debian's Python by default: a python3 earlier on the PATH (pyenv, a venv) may not have Debian's websockets. */
    private final Path python = Path.of(System.getProperty("benchmark.relay.python", TutorialClient.PYTHON.toString()));

    public static void main(String[] args) throws Exception {
        new ImageRelayBenchmark().run();
    }

    private void run() throws Exception {
        byte[] small = noiseJpeg(SMALL_BYTES);
        byte[] large = noiseJpeg(LARGE_BYTES);
        System.out.printf("Image relay benchmark: JPEGs of %.2f MB (%d rounds) and %.2f MB (%d rounds), relay to %d clients;"
                + " lean Java client; loopback, %d cores%n", small.length / MB, rounds, large.length / MB, largeRounds,
                relayClients, Runtime.getRuntime().availableProcessors());
        Side baseline = baseline(small, large);
        Side echo = bench(true, (port, server) -> roundTrips(port, server, small, large));
        Side real = bench(false, (port, server) -> storedAndRelayed(port, server, small, large));
        print(baseline, echo, real);
        if (baseline != null) {
            addToTable(baseline, echo);
        }
    }

    /** What one server did: each row's timings. */
    private static final class Side {
        final Map<String, Timings> rows = new LinkedHashMap<>();
    }

    @FunctionalInterface
    private interface Load {
        Side run(int port, ProcessHandle server) throws Exception;
    }

    /** (a), or null, said why, when there is no Python with websockets. */
    private Side baseline(byte[] small, byte[] large) throws Exception {
        if (!TutorialClient.imports(python, "websockets")) {
            System.out.printf("No baseline: %s cannot import websockets; %s. The bench's own figures follow.%n", python,
                    INSTALL_BASELINE);
            return null;
        }
        Path script = Files.writeString(Files.createTempFile("websockets_echo", ".py"), PYTHON_ECHO);
        Process process = new ProcessBuilder(python.toString(), script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            String port = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (port == null) {
                throw new IllegalStateException("the Python echo server did not start (its error is above)");
            }
            return roundTrips(Integer.parseInt(port.trim()), process.toHandle(), small, large);
        } finally {
            process.getOutputStream().close(); // the script ends when its input ends
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.delete(script);
        }
    }

    /** The shipped bench with only the image relay, on loopback, with a known token; the load runs while it does. */
    private static Side bench(boolean echo, Load load) throws Exception {
        try (HeadlessBench headless = HeadlessBench.prepared()) {
            RelayBench relay = new RelayBench(headless);
            BenchProcess bench = relay.start(0, "echo=" + echo);
            int port = relay.awaitListening();
            Side side = load.run(port, benchProcess(headless.home()));
            bench.send("fb:shutdown");
            bench.awaitExit();
            return side;
        }
    }

    /** An image header and the image, sent and echoed back, per round; warmed up first, and the echo checked. */
    private Side roundTrips(int port, ProcessHandle server, byte[] small, byte[] large) throws Exception {
        Side side = new Side();
        try (LeanWebSocket client = LeanWebSocket.connect(port, TOKEN)) {
            for (byte[] image : List.of(small, large)) {
                echoRounds(client, server, image, warmUpRounds(image));
                if (!client.lastMessageIs(image)) {
                    throw new AssertionError("the echo differs from the image sent");
                }
            }
            side.rows.put("small", echoRounds(client, server, small, rounds));
            side.rows.put("large", echoRounds(client, server, large, largeRounds));
        }
        return side;
    }

    private static Timings echoRounds(LeanWebSocket client, ProcessHandle server, byte[] image, int count) throws IOException {
        Timings timings = new Timings(image.length, 1, server);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            sendImage(client, "bench.jpg", image);
            client.nextText();
            int echoed = client.nextBinaryLength();
            timings.add(System.nanoTime() - start);
            if (echoed != image.length) {
                throw new AssertionError("echoed " + echoed + " bytes of " + image.length);
            }
        }
        return timings.done();
    }

    private static int warmUpRounds(byte[] image) {
        return WARM_UP_BYTES / image.length;
    }

    private static void sendImage(LeanWebSocket client, String name, byte[] image) throws IOException {
        client.sendText("{\"type\":\"image\",\"name\":\"" + name + "\",\"mime\":\"image/jpeg\",\"size\":" + image.length + "}");
        client.sendBinary(image);
    }

    /** (c) uploads until stored, then one client's uploads relayed to the others; every image distinct. */
    private Side storedAndRelayed(int port, ProcessHandle server, byte[] small, byte[] large) throws Exception {
        Side side = new Side();
        long[] number = {0};
        try (LeanWebSocket uploader = greeted(port)) {
            for (byte[] image : List.of(small, large)) {
                uploads(uploader, server, image, number, warmUpRounds(image));
            }
            side.rows.put("small", uploads(uploader, server, small, number, rounds));
            side.rows.put("large", uploads(uploader, server, large, number, largeRounds));
            List<LeanWebSocket> receivers = new ArrayList<>();
            try {
                for (int i = 0; i < relayClients; i++) {
                    receivers.add(greeted(port));
                }
                side.rows.put("relay small", relay(uploader, receivers, server, small, number, rounds));
                side.rows.put("relay large", relay(uploader, receivers, server, large, number, largeRounds));
            } finally {
                for (LeanWebSocket receiver : receivers) {
                    receiver.close();
                }
            }
        }
        return side;
    }

    private static LeanWebSocket greeted(int port) throws IOException {
        LeanWebSocket client = LeanWebSocket.connect(port, TOKEN);
        expect(client.nextText(), "\"hello\"");
        return client;
    }

    private static Timings uploads(LeanWebSocket uploader, ProcessHandle server, byte[] image, long[] number, int count)
            throws IOException {
        Timings timings = new Timings(image.length, 1, server);
        for (int i = 0; i < count; i++) {
            byte[] distinct = numbered(image, number[0]++);
            long start = System.nanoTime();
            sendImage(uploader, "upload-" + number[0] + ".jpg", distinct);
            expect(uploader.nextText(), "\"stored\"");
            timings.add(System.nanoTime() - start);
        }
        return timings.done();
    }

    /** From the start of the upload until every receiver has the whole image. */
    private static Timings relay(LeanWebSocket uploader, List<LeanWebSocket> receivers, ProcessHandle server, byte[] image,
            long[] number, int count) throws IOException {
        Timings timings = new Timings(image.length, receivers.size(), server);
        for (int i = 0; i < count; i++) {
            byte[] distinct = numbered(image, number[0]++);
            long start = System.nanoTime();
            sendImage(uploader, "relay-" + number[0] + ".jpg", distinct);
            for (LeanWebSocket receiver : receivers) {
                expect(receiver.nextText(), "\"image\"");
                if (receiver.nextBinaryLength() != distinct.length) {
                    throw new AssertionError("a receiver got a relayed image of another size");
                }
            }
            timings.add(System.nanoTime() - start);
            expect(uploader.nextText(), "\"stored\"");
        }
        return timings.done();
    }

    private static void expect(String message, String type) {
        if (!message.contains("\"type\":" + type)) {
            throw new AssertionError("expected a " + type + " message, got " + message);
        }
    }

    private static void print(Side baseline, Side echo, Side real) {
        System.out.println();
        System.out.printf("%-44s %22s %22s%n", "round trip (image header + bytes, echoed)", "(a) Python websockets", "(b) bench, echo");
        for (String size : List.of("small", "large")) {
            Timings b = echo.rows.get(size);
            System.out.printf("%-44s %22s %22s%n", String.format("  %.2f MB: p50 / p99 ms", b.imageBytes / MB),
                    column(baseline, size, Timings::percentiles), b.percentiles());
            System.out.printf("%-44s %22s %22s%n", "           MB/s each way", column(baseline, size, Timings::rate), b.rate());
            System.out.printf("%-44s %22s %22s%n", "           CPU ms per round, client / server",
                    column(baseline, size, Timings::cpuPerRound), b.cpuPerRound());
            System.out.printf("%-44s %22s %22s%n", "           server RSS after them", column(baseline, size, Timings::rss), b.rss());
        }
        System.out.println();
        System.out.printf("(c) the bench as shipped (image check, SHA-256, write to images/); no baseline%n");
        for (String size : List.of("small", "large")) {
            Timings c = real.rows.get(size);
            System.out.printf("  upload %.2f MB until stored: %.1f uploads/s, %.1f MB/s, p50 / p99 %s ms, CPU ms client / server %s,"
                    + " RSS %s%n", c.imageBytes / MB, c.perSecond(), c.megabytesPerSecond(), c.percentiles(), c.cpuPerRound(), c.rss());
        }
        for (String size : List.of("relay small", "relay large")) {
            Timings r = real.rows.get(size);
            System.out.printf("  relay %.2f MB to %d clients, until all have it: p50 / p99 %s ms, %.1f MB/s delivered,"
                    + " CPU ms client / server %s, RSS %s%n", r.imageBytes / MB, r.copies, r.percentiles(), r.megabytesPerSecond(),
                    r.cpuPerRound(), r.rss());
        }
    }

    private static String column(Side side, String size, Function<Timings, String> figure) {
        return side == null ? "-" : figure.apply(side.rows.get(size));
    }

    /** The round trips, bench beside Python, as p50 and as rate. */
    private static void addToTable(Side baseline, Side echo) throws IOException {
        for (String size : List.of("small", "large")) {
            Timings a = baseline.rows.get(size);
            Timings b = echo.rows.get(size);
            String figure = String.format(Locale.ROOT, "image relay: %.2f MB round trip (echo) vs Python websockets", b.imageBytes / MB);
            BenchmarkTable.add(new BenchmarkTable.Row(figure + ", p50", "ms", BenchmarkTable.Better.LOWER, b.p50Millis(),
                    a.p50Millis(), b.rssKiB, a.rssKiB));
            BenchmarkTable.add(new BenchmarkTable.Row(figure + ", each way", "MB/s", BenchmarkTable.Better.HIGHER,
                    b.megabytesPerSecond(), a.megabytesPerSecond(), b.rssKiB, a.rssKiB));
        }
    }

    /**
     * Durations of rounds that each moved an image to this many copies, the processor time the
     * client (this JVM) and the server spent meanwhile (which of them limits the rate), and the
     * server's resident memory after them.
     */
    private static final class Timings {
        final int imageBytes;
        final int copies;
        private final List<Long> nanos = new ArrayList<>();
        private final ProcessHandle server;
        private Duration clientCpu;
        private Duration serverCpu;
        long rssKiB;

        Timings(int imageBytes, int copies, ProcessHandle server) {
            this.imageBytes = imageBytes;
            this.copies = copies;
            this.server = server;
            this.clientCpu = cpu(ProcessHandle.current()).negated();
            this.serverCpu = cpu(server).negated();
        }

        void add(long duration) {
            nanos.add(duration);
        }

        Timings done() {
            clientCpu = clientCpu.plus(cpu(ProcessHandle.current()));
            serverCpu = serverCpu.plus(cpu(server));
            rssKiB = BenchmarkTable.rssKiB(server.pid());
            return this;
        }

        private static Duration cpu(ProcessHandle process) {
            return process.info().totalCpuDuration()
                    .orElseThrow(() -> new IllegalStateException("no processor time for process " + process.pid()));
        }

        double perSecond() {
            return nanos.size() / (total() / 1e9);
        }

        double megabytesPerSecond() {
            return perSecond() * imageBytes * copies / MB;
        }

        String rate() {
            return String.format(Locale.ROOT, "%.1f", megabytesPerSecond());
        }

        double p50Millis() {
            return percentile(sorted(), 50) / 1e6;
        }

        String percentiles() {
            long[] sorted = sorted();
            return String.format(Locale.ROOT, "%.1f / %.1f", percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
        }

        /** Processor milliseconds per round, client / server. */
        String cpuPerRound() {
            return String.format(Locale.ROOT, "%.1f / %.1f", clientCpu.toNanos() / 1e6 / nanos.size(),
                    serverCpu.toNanos() / 1e6 / nanos.size());
        }

        String rss() {
            return BenchmarkTable.mib(rssKiB);
        }

        private long[] sorted() {
            return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        private long total() {
            return nanos.stream().mapToLong(Long::longValue).sum();
        }

        /** Nearest rank: with fewer than 100 rounds, p99 is the slowest. */
        private static long percentile(long[] sorted, int p) {
            return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }

    /**
     * A valid JPEG of random pixels, about this large: noise compresses as badly as a detailed
     * photo. Encoded once to learn the bytes per pixel, then at the size that gives the target.
     */
    private static byte[] noiseJpeg(int targetBytes) throws IOException {
        double bytesPerPixel = 0.6;
        byte[] jpeg = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            int side = (int) Math.sqrt(targetBytes / bytesPerPixel);
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
            new Random(side).nextBytes(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
            ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes);
            ImageIO.write(image, "jpg", out);
            jpeg = out.toByteArray();
            bytesPerPixel = (double) jpeg.length / side / side;
        }
        return jpeg;
    }

    /** The same JPEG with a comment segment holding the number right after its start-of-image marker. */
    private static byte[] numbered(byte[] jpeg, long number) {
        ByteBuffer numberedJpeg = ByteBuffer.allocate(jpeg.length + 12);
        numberedJpeg.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) COMMENT).putShort((short) 10).putLong(number);
        numberedJpeg.put(jpeg, 2, jpeg.length - 2);
        return numberedJpeg.array();
    }

    /** The bench is a child of this JVM; its command line names its copy of fieldbench.jar. */
    private static ProcessHandle benchProcess(Path home) {
        String jar = home.resolve("fieldbench.jar").toString();
        return ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(arguments -> Arrays.asList(arguments).contains(jar)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no bench process running " + jar));
    }

}
