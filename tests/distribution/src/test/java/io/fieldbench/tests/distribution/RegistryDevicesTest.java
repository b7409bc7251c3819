package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The device registry of the shipped bench, fed by the shipped simulator through the UDP collector
 * and the text decoder on loopback: every simulated device becomes one registry entry with the
 * packets it sent, a datagram no decoder reads counts as an error of the device that sent it, and
 * devices go offline after the configured silence.
 */
class RegistryDevicesTest {

    private static final String UDP = "io.fieldbench.udp";
    private static final String REGISTRY = "io.fieldbench.registry";
    private static final int DEVICES = 500;
    private static final int PER_DEVICE = 20;
    /** Bytes no shipped decoder reads. */
    private static final byte[] NO_FORMAT = {0, 1, (byte) 0xFF};
    private static final Pattern ROW = Pattern.compile("(dev\\d{4})\\s+(\\S+)\\s+(\\d+)\\s+\\S+\\s+(\\d+)\\s+(\\d+)\\s+\\S+\\s+(yes|no)");

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private BenchProcess bench;

    @Test
    void fiveHundredSimulatedDevicesAreFiveHundredEntriesWithTheirCounts() throws Exception {
        int port = startBench();

        simulate("--devices", String.valueOf(DEVICES), "--rate", "5000", "--format", "text",
                "--target", "127.0.0.1:" + port, "--count", String.valueOf(DEVICES * PER_DEVICE));

        String expected = DEVICES + " devices, " + DEVICES + " online, " + DEVICES * PER_DEVICE + " packets, 0 decode errors, 0 lost";
        bench.askUntil("fb:devices --count", expected::equals, "'" + expected + "'");
        Map<String, Matcher> rows = table();
        assertEquals(DEVICES, rows.size());
        rows.forEach((id, row) -> {
            assertEquals(PER_DEVICE, Long.parseLong(row.group(3)), "packets of " + id);
            assertEquals("0", row.group(4), "decode errors of " + id);
            assertEquals("0", row.group(5), "lost by " + id);
            assertTrue(row.group(2).startsWith("127.0.0.1:"), "endpoint of " + id + ": " + row.group(2));
        });
        assertEquals(DEVICES, rows.values().stream().map(row -> row.group(2)).distinct().count(), "one endpoint each");
    }

    @Test
    void devicesGoOfflineAfterTheConfiguredSilence() throws Exception {
        int port = startBench("--set", REGISTRY + ".offline.after.seconds=1");

        simulate("--devices", "10", "--rate", "1000", "--target", "127.0.0.1:" + port, "--count", "100");

        bench.askUntil("fb:devices --count", line -> line.startsWith("10 devices, 0 online, 100 packets"),
                "all ten devices offline a second after they fell silent");
    }

    @Test
    void aDecodeErrorCountsForTheDeviceThatSentIt() throws Exception {
        int port = startBench();
        InetSocketAddress collector = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);

        try (DatagramSocket device = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DatagramSocket other = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            send(device, collector, "id=devE,seq=1,temp=20.5".getBytes(StandardCharsets.US_ASCII));
            send(device, collector, NO_FORMAT);
            send(other, collector, NO_FORMAT);

            bench.askUntil("fb:devices --count", line -> line.startsWith("2 devices, 2 online, 3 packets, 2 decode errors"),
                    "the device and the stranger, each with one decode error");
            bench.send("fb:devices devE");
            String row = bench.awaitLine(line -> line.startsWith("devE "), "the device's row");
            Matcher columns = Pattern.compile("devE\\s+\\S+\\s+(\\d+)\\s+\\S+\\s+(\\d+).*").matcher(row);
            assertTrue(columns.matches(), row);
            assertEquals("2", columns.group(1), "packets: " + row);
            assertEquals("1", columns.group(2), "decode errors: " + row);
            String stranger = "127.0.0.1:" + other.getLocalPort();
            bench.send("fb:devices " + stranger);
            String strangerRow = bench.awaitLine(line -> line.startsWith(stranger + " "), "the stranger, known by its address");
            Matcher strangerColumns = Pattern.compile("\\S+\\s+\\S+\\s+(\\d+)\\s+\\S+\\s+(\\d+).*").matcher(strangerRow);
            assertTrue(strangerColumns.matches(), strangerRow);
            assertEquals("1", strangerColumns.group(2), "decode errors: " + strangerRow);
        }
    }

    @Test
    void forgottenDevicesLeaveTheTableAndComeBackAsNewWhenTheySendAgain() throws Exception {
        int port = startBench();
        InetSocketAddress collector = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        List<DatagramSocket> devices = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                devices.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
            }
            sendFromEach(devices, collector, 1);
            sendFromEach(devices, collector, 2);
            bench.askUntil("fb:devices --count", "3 devices, 3 online, 6 packets, 0 decode errors, 0 lost"::equals,
                    "the three devices with two packets each");

            assertEquals("forgot 1 device (1 was online); not known: devNone",
                    bench.ask("fb:forget-devices devF0 devNone", line -> line.startsWith("forgot "), "what was forgotten by id"));
            assertEquals("2 devices, 2 online, 4 packets, 0 decode errors, 0 lost",
                    bench.ask("fb:devices --count", line -> line.contains(" online, "), "the two left"));
            assertEquals("forgot 2 devices (2 were online)",
                    bench.ask("fb:forget-devices --all", line -> line.startsWith("forgot "), "what was forgotten"));
            assertEquals("0 devices, 0 online, 0 packets, 0 decode errors, 0 lost",
                    bench.ask("fb:devices --count", line -> line.contains(" online, "), "an empty registry"));

            sendFromEach(devices, collector, 10); // ahead of where they were: only a remembered sequence makes it loss
            bench.askUntil("fb:devices --count", "3 devices, 3 online, 3 packets, 0 decode errors, 0 lost"::equals,
                    "the three back as new devices, one packet each and nothing lost");
        } finally {
            devices.forEach(DatagramSocket::close);
        }
    }

    /** One text frame {@code id=devF<i>,seq=<sequence>} from each socket. */
    private static void sendFromEach(List<DatagramSocket> devices, InetSocketAddress to, int sequence) throws IOException {
        for (int i = 0; i < devices.size(); i++) {
            send(devices.get(i), to, ("id=devF" + i + ",seq=" + sequence + ",temp=20.5").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, byte[] payload) throws IOException {
        socket.send(new DatagramPacket(payload, payload.length, to));
    }

    /** Starts the bench with the collector on a free loopback port, the decoders and the registry; gives the port. */
    private int startBench(String... extra) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--features", "udp,decoders,registry", "--set", UDP + ".port=0", "--set", UDP + ".bind.address=127.0.0.1"));
        args.addAll(List.of(extra));
        bench = headless.start(args.toArray(String[]::new));
        String headline = bench.askUntil("udp:status", line -> line.startsWith("running on 127.0.0.1:"), "the collector listening");
        return Integer.parseInt(headline.substring(headline.lastIndexOf(':') + 1).trim());
    }

    /** Runs {@code fieldbench simulate} from the same distribution, as a user does, and waits for it to end. */
    private void simulate(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        try (BenchProcess simulator = BenchProcess.start(headless.home(), Map.of(), all)) {
            simulator.awaitLine(line -> line.startsWith("sent "), "the simulator's summary");
            assertEquals(0, simulator.awaitExit(), "stderr: " + simulator.errors());
        }
    }

    /** The rows of {@code fb:devices}, by device id. */
    private Map<String, Matcher> table() throws InterruptedException {
        bench.send("fb:devices dev");
        Map<String, Matcher> rows = new HashMap<>();
        while (rows.size() < DEVICES) {
            String line = bench.awaitLine(text -> ROW.matcher(text).matches() || text.contains(" devices, "), "device rows");
            if (line.contains(" devices, ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            assertTrue(row.matches());
            rows.put(row.group(1), row);
        }
        return rows;
    }
}
