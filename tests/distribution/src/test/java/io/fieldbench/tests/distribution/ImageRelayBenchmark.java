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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * The image relay benchmark, on loopback, with one Java client (the JDK's WebSocket, as
 * {@link WebSocketPeer}): JPEG round trips of about 1 MB and 7 MB (an {@code image} header and the
 * bytes, echoed back) against (a) a Python {@code websockets} echo server, the baseline, and (b) the
 * bench's relay in echo mode; then against the bench as shipped, (c) uploads until the
 * {@code stored} reply (image check, SHA-256, file write) and relay of each upload to 20 other
 * clients. Prints latency percentiles, throughput and resident memory. Connects only to 127.0.0.1;
 * stops by itself.
 * <p>
 * {@code mvn -B -q -f tests/distribution/pom.xml -Pbenchmark test-compile exec:java@image-relay-benchmark
 * [-Dbenchmark.relay.rounds=200] [-Dbenchmark.relay.large.rounds=50] [-Dbenchmark.relay.clients=20]}
 */
public final class ImageRelayBenchmark {

    private static final int SMALL_BYTES = 1_000_000;
    private static final int LARGE_BYTES = 7_000_000;
    /** Round trips of each size before measuring, so that both sides are measured with their code compiled. */
    private static final int WARM_UP_ROUNDS = 10;
    /** The JPEG comment marker: a numbered comment makes each upload a distinct image (no duplicate). */
    private static final int COMMENT = 0xFE;
    private static final double MB = 1e6;

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
                async with websockets.serve(echo, '127.0.0.1', 0, compression=None, max_size=64 * 2**20) as server:
                    print(server.sockets[0].getsockname()[1], flush=True)
                    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
            asyncio.run(main())
            """;

    private final int rounds = Integer.getInteger("benchmark.relay.rounds", 200);
    private final int largeRounds = Integer.getInteger("benchmark.relay.large.rounds", 50);
    private final int relayClients = Integer.getInteger("benchmark.relay.clients", 20);

    public static void main(String[] args) throws Exception {
        new ImageRelayBenchmark().run();
    }

    private void run() throws Exception {
        byte[] small = noiseJpeg(SMALL_BYTES);
        byte[] large = noiseJpeg(LARGE_BYTES);
        System.out.printf("Image relay benchmark: JPEGs of %.2f MB (%d rounds) and %.2f MB (%d rounds), relay to %d clients;"
                + " JDK WebSocket client; loopback, %d cores%n", small.length / MB, rounds, large.length / MB, largeRounds,
                relayClients, Runtime.getRuntime().availableProcessors());
        Path script = Files.writeString(Files.createTempFile("websockets_echo", ".py"), PYTHON_ECHO);
        try {
            Side python = python(script, small, large);
            Side echo = bench(true, (port, server) -> roundTrips(port, server, small, large));
            Side real = bench(false, (port, server) -> storedAndRelayed(port, server, small, large));
            print(python, echo, real);
        } finally {
            Files.delete(script);
        }
    }

    /** What one server did: each row's timings, and its resident memory after the runs. */
    private static final class Side {
        final Map<String, Timings> rows = new LinkedHashMap<>();
        long rssKiB;
    }

    @FunctionalInterface
    private interface Load {
        Side run(int port, ProcessHandle server) throws Exception;
    }

    private Side python(Path script, byte[] small, byte[] large) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            String port = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (port == null) {
                throw new IllegalStateException("the Python echo server did not start: is python3-websockets installed?");
            }
            Side side = roundTrips(Integer.parseInt(port.trim()), process.toHandle(), small, large);
            side.rssKiB = BenchmarkTable.rssKiB(process.pid());
            return side;
        } finally {
            process.getOutputStream().close(); // the script ends when its input ends
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The shipped bench with only the image relay, on loopback, with a known token; the load runs while it does. */
    private static Side bench(boolean echo, Load load) throws Exception {
        try (HeadlessBench headless = HeadlessBench.prepared()) {
            RelayBench relay = new RelayBench(headless);
            BenchProcess bench = relay.start(0, "echo=" + echo);
            int port = relay.awaitListening();
            ProcessHandle server = benchProcess(headless.home());
            Side side = load.run(port, server);
            side.rssKiB = BenchmarkTable.rssKiB(server.pid());
            bench.send("fb:shutdown");
            bench.awaitExit();
            return side;
        }
    }

    /** An image header and the image, sent and echoed back, per round; warmed up first. */
    private Side roundTrips(int port, ProcessHandle server, byte[] small, byte[] large) throws Exception {
        Side side = new Side();
        try (WebSocketPeer peer = WebSocketPeer.connect(port, TOKEN)) {
            for (byte[] image : List.of(small, large)) {
                echoRounds(peer, server, image, WARM_UP_ROUNDS);
            }
            side.rows.put("small", echoRounds(peer, server, small, rounds));
            side.rows.put("large", echoRounds(peer, server, large, largeRounds));
        }
        return side;
    }

    private static Timings echoRounds(WebSocketPeer peer, ProcessHandle server, byte[] image, int count)
            throws InterruptedException {
        Timings timings = new Timings(image.length, 1, server);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            peer.sendImage("bench.jpg", "image/jpeg", image);
            peer.nextText();
            int echoed = peer.nextBinary().length;
            timings.add(System.nanoTime() - start);
            if (echoed != image.length) {
                throw new AssertionError("echoed " + echoed + " bytes of " + image.length);
            }
        }
        return timings.done();
    }

    /** (c) uploads until stored, then one client's uploads relayed to the others; every image distinct. */
    private Side storedAndRelayed(int port, ProcessHandle server, byte[] small, byte[] large) throws Exception {
        Side side = new Side();
        long[] number = {0};
        try (WebSocketPeer uploader = greeted(port)) {
            for (byte[] image : List.of(small, large)) {
                uploads(uploader, server, image, number, WARM_UP_ROUNDS);
            }
            side.rows.put("small", uploads(uploader, server, small, number, rounds));
            side.rows.put("large", uploads(uploader, server, large, number, largeRounds));
            List<WebSocketPeer> receivers = new ArrayList<>();
            try {
                for (int i = 0; i < relayClients; i++) {
                    receivers.add(greeted(port));
                }
                side.rows.put("relay small", relay(uploader, receivers, server, small, number, rounds));
                side.rows.put("relay large", relay(uploader, receivers, server, large, number, largeRounds));
            } finally {
                receivers.forEach(WebSocketPeer::close);
            }
        }
        return side;
    }

    private static WebSocketPeer greeted(int port) throws InterruptedException {
        WebSocketPeer peer = WebSocketPeer.connect(port, TOKEN);
        expect(peer.nextText(), "\"hello\"");
        return peer;
    }

    private static Timings uploads(WebSocketPeer uploader, ProcessHandle server, byte[] image, long[] number, int count)
            throws InterruptedException {
        Timings timings = new Timings(image.length, 1, server);
        for (int i = 0; i < count; i++) {
            byte[] distinct = numbered(image, number[0]++);
            long start = System.nanoTime();
            uploader.sendImage("upload-" + number[0] + ".jpg", "image/jpeg", distinct);
            expect(uploader.nextText(), "\"stored\"");
            timings.add(System.nanoTime() - start);
        }
        return timings.done();
    }

    /** From the start of the upload until every receiver has the whole image. */
    private static Timings relay(WebSocketPeer uploader, List<WebSocketPeer> receivers, ProcessHandle server, byte[] image,
            long[] number, int count) throws InterruptedException {
        Timings timings = new Timings(image.length, receivers.size(), server);
        for (int i = 0; i < count; i++) {
            byte[] distinct = numbered(image, number[0]++);
            long start = System.nanoTime();
            uploader.sendImage("relay-" + number[0] + ".jpg", "image/jpeg", distinct);
            for (WebSocketPeer receiver : receivers) {
                expect(receiver.nextText(), "\"image\"");
                if (receiver.nextBinary().length != distinct.length) {
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

    private void print(Side python, Side echo, Side real) {
        System.out.println();
        System.out.printf("%-44s %22s %22s%n", "round trip (image header + bytes, echoed)", "(a) Python websockets", "(b) bench, echo");
        for (String size : List.of("small", "large")) {
            Timings a = python.rows.get(size);
            Timings b = echo.rows.get(size);
            System.out.printf("%-44s %22s %22s%n", String.format("  %.2f MB: p50 / p99 ms", a.imageBytes / MB), a.percentiles(),
                    b.percentiles());
            System.out.printf("%-44s %22.1f %22.1f%n", "           MB/s each way", a.megabytesPerSecond(), b.megabytesPerSecond());
            System.out.printf("%-44s %22s %22s%n", "           CPU ms per round, client / server", a.cpuPerRound(), b.cpuPerRound());
        }
        System.out.printf("%-44s %22s %22s%n", "  RSS after the round trips", BenchmarkTable.mib(python.rssKiB), BenchmarkTable.mib(echo.rssKiB));
        System.out.println();
        System.out.printf("(c) the bench as shipped (image check, SHA-256, write to images/)%n");
        for (String size : List.of("small", "large")) {
            Timings c = real.rows.get(size);
            System.out.printf("  upload %.2f MB until stored: %.1f uploads/s, %.1f MB/s, p50 / p99 %s ms, CPU ms client / server %s%n",
                    c.imageBytes / MB, c.perSecond(), c.megabytesPerSecond(), c.percentiles(), c.cpuPerRound());
        }
        for (String size : List.of("relay small", "relay large")) {
            Timings r = real.rows.get(size);
            System.out.printf("  relay %.2f MB to %d clients, until all have it: p50 / p99 %s ms, %.1f MB/s delivered,"
                    + " CPU ms client / server %s%n", r.imageBytes / MB, r.copies, r.percentiles(), r.megabytesPerSecond(),
                    r.cpuPerRound());
        }
        System.out.printf("  RSS of the bench after all: %s%n", BenchmarkTable.mib(real.rssKiB));
    }


    /**
     * Durations of rounds that each moved an image to this many copies, and the processor time the
     * client (this JVM) and the server spent meanwhile: which of them limits the rate.
     */
    private static final class Timings {
        final int imageBytes;
        final int copies;
        private final List<Long> nanos = new ArrayList<>();
        private final ProcessHandle server;
        private Duration clientCpu;
        private Duration serverCpu;

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

        String percentiles() {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format("%.1f / %.1f", percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
        }

        /** Processor milliseconds per round, client / server. */
        String cpuPerRound() {
            return String.format("%.1f / %.1f", clientCpu.toNanos() / 1e6 / nanos.size(), serverCpu.toNanos() / 1e6 / nanos.size());
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
