package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fieldbench simulate ...} as a user runs it, against a plain UDP socket on loopback: the
 * frames arrive in the chosen format, every device sends its share in sequence from a port of its
 * own, the run stops by itself, and bad arguments get one line and exit code 2.
 */
class SimulateCommandTest {

    private static final int EXIT_BAD_INPUT = 2;
    private static final int RECEIVE_BUFFER = 8 << 20;
    private static final int DEVICES = 50;
    private static final int COUNT = 1_000;
    private static final Pattern TEXT = Pattern.compile("id=(dev\\d{4}),seq=(\\d+),temp=-?\\d+\\.\\d{2},hum=\\d+\\.\\d");
    private static final Pattern JSON = Pattern.compile(
            "\\{\"id\":\"(dev\\d{4})\",\"seq\":(\\d+),\"temp\":-?\\d+\\.\\d{2},\"hum\":\\d+\\.\\d}");
    private static final Pattern SENT = Pattern.compile("sent (\\d+) datagrams in [\\d.]+ s: (\\d+) datagrams/s.*");

    /** The built distribution: the simulator writes nothing, so it runs from there. */
    private final Path home = Path.of(System.getProperty("fieldbench.distribution"));
    private DatagramChannel receiver;
    private int port;

    @BeforeEach
    void listen() throws IOException {
        receiver = DatagramChannel.open();
        receiver.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
        receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        port = ((InetSocketAddress) receiver.getLocalAddress()).getPort();
    }

    @AfterEach
    void close() throws IOException {
        receiver.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "binary"})
    void everyDeviceSendsItsShareInSequenceFromItsOwnPort(String format) throws Exception {
        CompletableFuture<List<Frame>> frames = receiveInBackground(COUNT);

        String summary = simulate("--devices", String.valueOf(DEVICES), "--rate", "5000", "--format", format,
                "--target", "127.0.0.1:" + port, "--count", String.valueOf(COUNT));

        Matcher sent = SENT.matcher(summary);
        assertTrue(sent.matches(), summary);
        assertEquals(COUNT, Long.parseLong(sent.group(1)));
        Map<String, List<Long>> sequences = new HashMap<>();
        Map<String, Set<Integer>> ports = new HashMap<>();
        for (Frame frame : frames.get(BenchProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            String[] idAndSequence = parse(format, frame.payload());
            sequences.computeIfAbsent(idAndSequence[0], id -> new ArrayList<>()).add(Long.parseLong(idAndSequence[1]));
            ports.computeIfAbsent(idAndSequence[0], id -> new HashSet<>()).add(frame.sourcePort());
        }
        assertEquals(DEVICES, sequences.size(), "devices seen");
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, COUNT / DEVICES).boxed().toList();
        sequences.forEach((id, numbers) -> assertEquals(expected, numbers, "the sequence of " + id));
        ports.forEach((id, used) -> assertEquals(1, used.size(), id + " sends from one port"));
        assertEquals(DEVICES, ports.values().stream().flatMap(Set::stream).distinct().count(), "a port per device");
    }

    @Test
    void stopsAfterItsSecondsAtTheRateAsked() throws Exception {
        CompletableFuture<List<Frame>> frames = receiveInBackground(Integer.MAX_VALUE);

        String summary = simulate("--devices", "5", "--rate", "1000", "--target", "127.0.0.1:" + port, "--seconds", "1");

        Matcher sent = SENT.matcher(summary);
        assertTrue(sent.matches(), summary);
        long count = Long.parseLong(sent.group(1));
        assertTrue(count >= 990 && count <= 1_001, "about 1000 in 1 s at 1000/s: " + summary);
        assertTrue(Math.abs(Long.parseLong(sent.group(2)) - 1_000) <= 20, "achieved rate: " + summary);
        receiver.close(); // ends the background receive
        assertEquals(count, frames.get(BenchProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS).size(), "all arrived");
    }

    @Test
    void badArgumentsGetOneLineAndExitCodeTwo() throws Exception {
        assertOneLineError("--devices needs a whole number, not 'many'", "--devices", "many");
        assertOneLineError("unknown format 'xml'", "--format", "xml");
        assertOneLineError("unknown option '--colour'", "--colour");
        assertOneLineError("is not host:port", "--target", "127.0.0.1:port");
    }

    /** Runs the command, expects success, gives its summary line. */
    private String simulate(String... args) throws Exception {
        try (BenchProcess simulator = BenchProcess.start(home, Map.of(), withSimulate(args))) {
            String summary = simulator.awaitLine(line -> line.startsWith("sent "), "the summary");
            assertEquals(0, simulator.awaitExit(), "stderr: " + simulator.errors());
            return summary;
        }
    }

    private void assertOneLineError(String expected, String... args) throws Exception {
        try (BenchProcess simulator = BenchProcess.start(home, Map.of(), withSimulate(args))) {
            assertEquals(EXIT_BAD_INPUT, simulator.awaitExit());
            List<String> errors = simulator.errors();
            assertEquals(1, errors.size(), "one line, not a stack trace: " + errors);
            assertTrue(errors.get(0).startsWith("fieldbench simulate: ") && errors.get(0).contains(expected), errors.get(0));
        }
    }

    private static String[] withSimulate(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /** Collects datagrams until this many arrived or the socket closes. */
    private CompletableFuture<List<Frame>> receiveInBackground(int count) {
        return CompletableFuture.supplyAsync(() -> {
            List<Frame> frames = new ArrayList<>();
            ByteBuffer buffer = ByteBuffer.allocate(65_535);
            try {
                while (frames.size() < count) {
                    buffer.clear();
                    InetSocketAddress source = (InetSocketAddress) receiver.receive(buffer);
                    buffer.flip();
                    byte[] payload = new byte[buffer.remaining()];
                    buffer.get(payload);
                    frames.add(new Frame(source.getPort(), payload));
                }
            } catch (IOException e) {
                // closed: the test has what arrived
            }
            return frames;
        });
    }

    /** The device id and sequence number of a frame, by its format's documented layout. */
    private static String[] parse(String format, byte[] payload) {
        if ("binary".equals(format)) {
            ByteBuffer frame = ByteBuffer.wrap(payload).order(ByteOrder.BIG_ENDIAN);
            assertEquals(12, payload.length, "binary frame length");
            return new String[] {String.format("dev%04d", frame.getInt(0)), String.valueOf(Integer.toUnsignedLong(frame.getInt(4)))};
        }
        String text = new String(payload, StandardCharsets.US_ASCII);
        Matcher matcher = ("json".equals(format) ? JSON : TEXT).matcher(text);
        assertTrue(matcher.matches(), format + " frame: " + text);
        return new String[] {matcher.group(1), matcher.group(2)};
    }

    private record Frame(int sourcePort, byte[] payload) {
    }
}
