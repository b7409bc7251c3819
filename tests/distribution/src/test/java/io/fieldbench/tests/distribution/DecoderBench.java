package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shipped bench with the collector, the shipped decoders and the registry, listening on a
 * loopback port the system chose, for the decoder tests: a device socket to send from, and the
 * counts that {@code udp:status} and {@code fb:devices --count} show. Datagrams go to 127.0.0.1 only.
 */
final class DecoderBench {

    static final String UDP = "io.fieldbench.udp";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Pattern LISTENING = Pattern.compile("running on 127\\.0\\.0\\.1:[1-9]\\d*");
    private static final Pattern RECEIVED = Pattern.compile("received:\\s+(\\d+) datagrams, .*");
    private static final Pattern DROPPED = Pattern.compile("dropped:\\s+(\\d+) in the queue, .*; (\\d+) decode errors; .*");
    private static final Pattern DEVICES = Pattern.compile(
            "(\\d+) devices?, \\d+ online, (\\d+) packets, (\\d+) decode errors, (\\d+) lost.*");

    /** What {@code udp:status} counted: datagrams received, dropped in the decode queue, not decoded. */
    record Collector(long received, long queueDrops, long decodeErrors) {
    }

    /** What {@code fb:devices --count ID} says of the devices whose id contains ID. */
    record Devices(int devices, long packets, long decodeErrors, long lost) {

        /**
         * The packets that were decoded. The registry may count a datagram it could not decode for
         * the device that last sent from the same address, as a packet with a decode error.
         */
        long decoded() {
            return packets - decodeErrors;
        }
    }

    private final HeadlessBench headless;
    final Path home;
    final Path data;
    private final BenchProcess bench;
    private final DatagramSocket device;
    private final InetSocketAddress collector;

    private DecoderBench(HeadlessBench headless, BenchProcess bench, int port) throws IOException {
        this.headless = headless;
        this.home = headless.home();
        this.data = headless.data();
        this.bench = bench;
        this.device = headless.closeAfter(new DatagramSocket(new InetSocketAddress(LOOPBACK, 0)));
        this.collector = new InetSocketAddress(LOOPBACK, port);
    }

    /**
     * Writes the given {@code <data>/etc/<pid>.cfg} settings files (as a user edits
     * them), starts it headless with {@code udp,decoders,registry} and waits until the collector
     * listens on loopback. The fixture stops the bench and closes the device socket after the test.
     */
    static DecoderBench start(HeadlessBench headless, Map<String, String> configFiles, String... udpSettings)
            throws IOException, InterruptedException {
        for (Map.Entry<String, String> file : configFiles.entrySet()) {
            Files.writeString(headless.settingsFile(file.getKey()), file.getValue());
        }
        List<String> args = new ArrayList<>(List.of("--features", "udp,decoders,registry",
                "--set", UDP + ".port=0", "--set", UDP + ".bind.address=127.0.0.1"));
        for (String setting : udpSettings) {
            args.add("--set");
            args.add(UDP + "." + setting);
        }
        BenchProcess bench = headless.start(args.toArray(String[]::new));
        // a non-zero port: udp:status may show the configured port 0 for a moment while the socket binds
        String headline = bench.askUntil("udp:status", line -> LISTENING.matcher(line).matches(), "running on loopback");
        return new DecoderBench(headless, bench, Integer.parseInt(headline.substring(headline.lastIndexOf(':') + 1)));
    }

    /** The bench's settings file {@code <data>/etc/<pid>.cfg}, for a test to edit as a user would. */
    Path settingsFile(String pid) throws IOException {
        return headless.settingsFile(pid);
    }

    /** Sends one datagram from the device socket to the collector. */
    void send(byte[] payload) {
        try {
            device.send(new DatagramPacket(payload, payload.length, collector));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Collector collector() throws InterruptedException {
        bench.send("udp:status");
        Matcher received = match(RECEIVED, bench.awaitLine(line -> RECEIVED.matcher(line).matches(), "the received count"));
        Matcher dropped = match(DROPPED, bench.awaitLine(line -> DROPPED.matcher(line).matches(), "the drop counts"));
        return new Collector(Long.parseLong(received.group(1)), Long.parseLong(dropped.group(1)),
                Long.parseLong(dropped.group(2)));
    }

    /** The {@code decoding:} line of {@code udp:status}: the choice, the decoders present, the encoding. */
    String decoding() throws InterruptedException {
        bench.send("udp:status");
        return bench.awaitLine(line -> line.startsWith("decoding:"), "the decoding line");
    }

    Devices devices(String id) throws InterruptedException {
        bench.send("fb:devices --count " + id);
        Matcher totals = match(DEVICES, bench.awaitLine(line -> DEVICES.matcher(line).matches(), "the device totals"));
        return new Devices(Integer.parseInt(totals.group(1)), Long.parseLong(totals.group(2)), Long.parseLong(totals.group(3)),
                Long.parseLong(totals.group(4)));
    }

    /** The lines of the bench's log file that contain the text. */
    List<String> logLines(String containing) throws IOException {
        Path log = data.resolve("log/fieldbench.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(containing)).toList();
        }
    }

    /**
     * The error lines and exceptions the bench printed on stderr; warnings about the machine (such as
     * a smaller receive buffer than asked) are not the decoders' business.
     */
    List<String> problems() {
        return bench.errors().stream().filter(line -> line.contains(" ERROR ") || line.contains("Exception")).toList();
    }

    private static Matcher match(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        if (!matcher.matches()) {
            throw new AssertionError("unexpected line: " + line);
        }
        return matcher;
    }
}
