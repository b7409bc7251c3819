package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The UDP collector of the shipped bench on loopback, driven by its console as a lab engineer
 * does: replies reach a plain socket, datagrams arrive whole, a taken port is named, stop frees the
 * port and start takes it again, a flood is counted. Datagrams go to 127.0.0.1 only.
 */
class UdpCollectorTest {

    private static final String PID = "io.fieldbench.udp";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int SOCKET_TIMEOUT_MILLIS = 5_000;
    private static final Pattern RECEIVED = Pattern.compile("received:\\s+(\\d+) datagrams, (\\d+) bytes.*");
    private static final Pattern DROPPED = Pattern.compile("dropped:\\s+(\\d+) in the queue, (\\d+) by the kernel.*");

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private BenchProcess bench;

    /** Starts the bench with only the collector, on loopback at this port (0: any), with more settings {@code key=value}. */
    private void startCollector(int port, String... settings) throws IOException, InterruptedException {
        bench = headless.startServer("udp", PID, port, settings);
    }

    /** Waits until {@code udp:status} says the collector listens; gives the port. */
    private int awaitListening() throws InterruptedException {
        return bench.awaitListening("udp:status");
    }

    /** The collector's counts from {@code udp:status}: datagrams, bytes, queue drops, kernel drops. */
    private long[] counts() throws InterruptedException {
        bench.send("udp:status");
        Matcher received = match(RECEIVED, bench.awaitLine(line -> RECEIVED.matcher(line).matches(), "the received counts"));
        Matcher dropped = match(DROPPED, bench.awaitLine(line -> DROPPED.matcher(line).matches(), "the drop counts"));
        return new long[] {Long.parseLong(received.group(1)), Long.parseLong(received.group(2)),
                Long.parseLong(dropped.group(1)), Long.parseLong(dropped.group(2))};
    }

    private static Matcher match(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        assertTrue(matcher.matches(), line);
        return matcher;
    }

    private static DatagramSocket device() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        return socket;
    }

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    private static byte[] receive(DatagramSocket socket) throws IOException {
        DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(reply);
        return java.util.Arrays.copyOf(reply.getData(), reply.getLength());
    }

    private static int freePort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return probe.getLocalPort();
        }
    }

    @Test
    void echoesDatagramsOfEverySizeWholeToAPlainSocket() throws Exception {
        startCollector(0, "reply=echo");
        int port = awaitListening();
        int[] sizes = {0, 1, 2049, 65_507};

        try (DatagramSocket device = device()) {
            for (int size : sizes) {
                device.send(new DatagramPacket(pattern(size), size, new InetSocketAddress(LOOPBACK, port)));
            }
            // Netty does not send empty datagrams, so the empty one has no echo; its receipt is counted below
            assertArrayEquals(pattern(1), receive(device));
            assertArrayEquals(pattern(2049), receive(device));
            assertArrayEquals(pattern(65_507), receive(device));
        }

        AtomicReference<long[]> counts = new AtomicReference<>();
        Poll.until(() -> {
            counts.set(counts());
            return counts.get()[0] == sizes.length;
        }, "four datagrams counted");
        assertEquals(0 + 1 + 2049 + 65_507, counts.get()[1], "every byte of every datagram");
    }

    @Test
    void acksWithTheTemplateInTheChosenEncoding() throws Exception {
        Charset gbk = Charset.forName("GBK");
        startCollector(0, "reply=ack", "charset=GBK", "ack.template=OK:%s");
        int port = awaitListening();

        try (DatagramSocket device = device()) {
            byte[] text = "温度=21.5".getBytes(gbk);
            device.send(new DatagramPacket(text, text.length, new InetSocketAddress(LOOPBACK, port)));

            assertEquals("OK:温度=21.5", new String(receive(device), gbk));
        }
    }

    @Test
    void aPortInUseIsNamedInOneLineAndTheBenchKeepsRunning() throws Exception {
        String expected;
        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            int taken = other.getLocalPort();
            expected = "UDP port " + taken + " is in use by another program: stop it or choose another port in"
                    + " Settings / <data>/etc/io.fieldbench.udp.cfg";
            startCollector(taken);

            bench.askUntil("udp:status", ("stopped: " + expected)::equals, "naming the port in use");
            Path log = headless.data().resolve("log/fieldbench.log");
            Poll.until(() -> Files.readString(log).contains(expected), "the log naming the port in use");
            bench.askUntil("fb:status", line -> line.startsWith("uptime:"), "the bench answering");
            assertTrue(bench.isAlive());

            other.close();
            bench.send("udp:start");
            bench.awaitLine(("running on 127.0.0.1:" + taken)::equals, "the collector taking the freed port");
        }
    }

    @Test
    void stopFreesThePortAtOnceAndStartTakesItAgain() throws Exception {
        int port = freePort();
        startCollector(port);
        assertEquals(port, awaitListening());

        bench.send("udp:stop");
        bench.awaitLine(line -> line.startsWith("stopped"), "confirming the stop");
        try (DatagramSocket plain = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            assertEquals(port, plain.getLocalPort(), "the port is free once udp:stop answered");
        }

        bench.send("udp:start");
        bench.awaitLine(("running on 127.0.0.1:" + port)::equals, "listening again");
        try (DatagramSocket device = device()) {
            device.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, new InetSocketAddress(LOOPBACK, port)));
        }
        Poll.until(() -> counts()[0] == 1, "the datagram sent after the restart counted");
    }

    @Test
    void aFloodFromOneSourceIsCountedReceivedOrDropped() throws Exception {
        int flood = 20_000;
        startCollector(0);
        int port = awaitListening();

        try (DatagramSocket device = device()) {
            byte[] payload = pattern(100);
            DatagramPacket packet = new DatagramPacket(payload, payload.length, new InetSocketAddress(LOOPBACK, port));
            for (int i = 0; i < flood; i++) {
                device.send(packet);
            }
        }

        AtomicReference<long[]> counts = new AtomicReference<>();
        Poll.until(() -> {
            counts.set(counts());
            return counts.get()[0] + counts.get()[3] == flood;
        }, "every datagram of the flood counted as received or dropped by the kernel");
        assertEquals(100 * counts.get()[0], counts.get()[1]);
        assertTrue(counts.get()[0] > 0);
    }
}
