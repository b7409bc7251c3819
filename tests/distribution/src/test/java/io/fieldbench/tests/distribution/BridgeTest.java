package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benches linked through a real Mosquitto, as users run them: a headless bench collects UDP from
 * devices and publishes ({@code --features udp,decoders,bridge}), another watches and records
 * ({@code --features bridge,registry,recorder}); each with a data folder of its own.
 */
class BridgeTest {

    private static final String UDP = "io.fieldbench.udp";
    private static final String BRIDGE = "io.fieldbench.bridge";
    private static final int RECEIVE_TIMEOUT_MILLIS = 10_000;

    @RegisterExtension
    final HeadlessBench collectorHome = new HeadlessBench();
    @RegisterExtension
    final HeadlessBench watcherHome = new HeadlessBench();

    @TempDir
    Path temporary;

    private Mosquitto broker;
    private DatagramSocket device;

    @BeforeEach
    void deviceSocket() throws IOException {
        Mosquitto.assumeInstalled();
        device = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        device.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
    }

    @AfterEach
    void stopBroker() throws InterruptedException {
        device.close();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void whatOneBenchCollectsAnotherSeesAndRecordsAndItsDownlinkReachesTheDevice() throws Exception {
        Linked linked = linkedThroughABroker();
        Collector collector = linked.collector();
        BenchProcess watcher = linked.watcher();

        send(collector.port(), "m1", 0, 300, 0);

        watcher.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, 300 packets"),
                "the collector's device, with all its packets, in the watcher's registry");
        assertEachOnce(export(watcher, watcherHome.data().resolve("m1.csv"), "field/m1", 300), 300);

        String sent = watcher.ask("bridge:send field/m1 hello", line -> line.contains("sent "), "the downlink's result");
        assertTrue(sent.startsWith("sent 5 bytes to field/m1 at 127.0.0.1:" + device.getLocalPort()), sent);
        assertEquals("hello", new String(receive(), StandardCharsets.UTF_8));
        watcher.ask("bridge:send --hex field/m1 01 02 FF", line -> line.contains("sent "), "the hex downlink's result");
        assertArrayEquals(new byte[] {1, 2, (byte) 0xFF}, receive());

        String unknown = watcher.ask("bridge:send field/nobody hi", line -> line.startsWith("not sent"), "a refusal");
        assertEquals("not sent: field has not heard from nobody since it started: a device can be reached once it has sent",
                unknown);
    }

    @Test
    void aBrokerRestartedMidStreamLosesNothingAndDeliversEachSampleOnce() throws Exception {
        Linked linked = linkedThroughABroker();
        Collector collector = linked.collector();
        BenchProcess watcher = linked.watcher();
        int total = 3_000;

        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            try {
                send(collector.port(), "m2", 0, total, 1); // paced: about 3 s
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1_000); // restart the broker with the stream under way, as a failure would come
        broker.stop();
        Thread.sleep(1_000); // an outage of a second: the collector keeps what it gathers on disk
        broker.start();
        stream.get();

        watcher.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, " + total + " packets"),
                "every sample at the watcher after the broker came back");
        assertEachOnce(export(watcher, watcherHome.data().resolve("m2.csv"), "field/m2", total), total);
        collector.bench().askUntil("bridge:status", line -> line.contains("backlog: 0 messages"),
                "the collector's backlog sent and acknowledged");
    }

    @Test
    void rawDatagramsWhenPublishedCarryTheCollectorsDecodeErrorsToTheWatcher() throws Exception {
        broker = Mosquitto.anonymous(temporary.resolve("broker"));
        Collector collector = startCollector(collectorHome, "field", "--set", BRIDGE + ".publish.datagrams=true");
        BenchProcess watcher = startWatcher(watcherHome, "field");

        send(collector.port(), "m5", 0, 3, 0);
        byte[] broken = {(byte) 0xFF, (byte) 0xFE, '='};
        device.send(new DatagramPacket(broken, broken.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), collector.port())));

        watcher.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, 4 packets, 1 decode errors"),
                "the broken datagram counted for the remote device that sent it");
    }

    @Test
    void aWatcherThatWasAwayCatchesUpWithWhatItMissed() throws Exception {
        Linked linked = linkedThroughABroker();
        Collector collector = linked.collector();
        BenchProcess watcher = linked.watcher();
        send(collector.port(), "m3", 0, 100, 0);
        watcher.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, 100 packets"), "the first hundred");
        RecordSamplesTest.totals(watcher, samples -> samples == 100, "the first hundred recorded");
        watcher.send("fb:shutdown");
        watcher.awaitExit();

        send(collector.port(), "m3", 100, 100, 0);
        collector.bench().askUntil("bridge:status", line -> line.startsWith("published: ") && line.contains("200 samples")
                && line.contains("backlog: 0 messages"), "the second hundred with the broker");
        watcher = startWatcher(watcherHome, "field");

        watcher.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, 100 packets"),
                "the hundred it missed, kept by the broker in its session");
        assertEachOnce(export(watcher, watcherHome.data().resolve("m3.csv"), "field/m3", 200), 200);
    }

    @Test
    void threeCollectingSitesAppearInOneWatcher() throws Exception {
        broker = Mosquitto.anonymous(temporary.resolve("broker"));
        List<HeadlessBench> sites = List.of(collectorHome, HeadlessBench.prepared(), HeadlessBench.prepared());
        List<Integer> ports = new ArrayList<>();
        try {
            for (int i = 0; i < sites.size(); i++) {
                ports.add(startCollector(sites.get(i), "site" + (i + 1)).port());
            }
            BenchProcess watcher = startWatcher(watcherHome, "+");
            for (int port : ports) {
                send(port, "d", 0, 50, 0);
            }
            watcher.askUntil("fb:devices --count", line -> line.startsWith("3 devices, 3 online, 150 packets"),
                    "the devices of all three sites");
            String table = watcher.ask("fb:devices site", line -> line.contains("site3/d"), "the third site's device");
            assertTrue(table.contains("site3/d"), table);
        } finally {
            for (HeadlessBench site : sites.subList(1, sites.size())) {
                site.close();
            }
        }
    }

    @Test
    void wrongCredentialsAreOneClearLine() throws Exception {
        broker = Mosquitto.withPassword(temporary.resolve("broker"), "bench", "right");
        Path password = Files.writeString(temporary.resolve("password"), "wrong\n");
        BenchProcess bench = collectorHome.start("--features", "bridge", "--set", BRIDGE + ".broker=" + broker.uri(),
                "--set", BRIDGE + ".site=field", "--set", BRIDGE + ".username=bench", "--set", BRIDGE + ".password.file=" + password);

        String error = bench.askUntil("bridge:status", line -> line.startsWith("last error:"), "the refusal");
        assertTrue(error.contains("the broker " + broker.uri() + " refused the credentials")
                && error.contains("check username and password.file"), error);
        Thread.sleep(2_000); // the bridge retries meanwhile: the log must still hold the one line
        assertEquals(1, logLines(collectorHome, "refused the credentials").size(), "one line, not one per retry");
    }

    @Test
    void tlsConnectsWithTheBrokersCertificateAndWithoutItIsOneClearLine() throws Exception {
        broker = Mosquitto.withTls(temporary.resolve("broker"));
        BenchProcess untrusting = collectorHome.start("--features", "bridge", "--set", BRIDGE + ".broker=" + broker.uri(),
                "--set", BRIDGE + ".site=field");
        String error = untrusting.askUntil("bridge:status", line -> line.startsWith("last error:"), "the TLS failure");
        assertTrue(error.contains("TLS with the broker " + broker.uri() + " failed") && error.contains("check ca.file"), error);

        BenchProcess trusting = watcherHome.start("--features", "bridge", "--set", BRIDGE + ".broker=" + broker.uri(),
                "--set", BRIDGE + ".site=lab", "--set", BRIDGE + ".ca.file=" + broker.certificate());
        trusting.askUntil("bridge:status", line -> line.startsWith("connected to " + broker.uri()), "connected over TLS");
    }

    @Test
    void malformedForeignAndOversizedMessagesAreCountedAndTheWatcherGoesOn() throws Exception {
        broker = Mosquitto.anonymous(temporary.resolve("broker"));
        Collector collector = startCollector(collectorHome, "field");
        BenchProcess watcher = startWatcher(watcherHome, "field", "--set", BRIDGE + ".max.message.bytes=2048");

        broker.publish("fieldbench/field/samples", "not json");
        broker.publish("fieldbench/field/samples", "{\"site\":\"elsewhere\",\"boot\":1,\"seq\":0,\"samples\":[]}");
        broker.publish("fieldbench/field/samples", "x".repeat(4096));
        broker.publish("fieldbench/field/whatever/else", "{}");

        String received = watcher.askUntil("bridge:status", line -> line.contains("rejected: 4"), "four messages rejected");
        assertTrue(received.contains("0 samples"), received);
        String error = watcher.ask("bridge:status", line -> line.startsWith("last error:"), "the last rejection");
        assertTrue(error.startsWith("last error: ignored a message on fieldbench/field/"), error);
        send(collector.port(), "m4", 0, 10, 0);
        watcher.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, 10 packets"), "data flowing on");
    }

    @Test
    void anUnreachableBrokerIsOneClearLineAndTheBenchRunsOn() throws Exception {
        broker = Mosquitto.anonymous(temporary.resolve("broker"));
        String address = broker.uri();
        broker.stop();
        BenchProcess bench = collectorHome.start("--features", "bridge", "--set", BRIDGE + ".broker=" + address,
                "--set", BRIDGE + ".site=field");

        String error = bench.askUntil("bridge:status", line -> line.startsWith("last error:"), "why it cannot connect");
        assertTrue(error.contains("cannot reach the broker " + address) && error.contains("is it running"), error);
        bench.ask("fb:features", line -> line.startsWith("bridge "), "the bench still answering");
        broker.start();
        bench.askUntil("bridge:status", line -> line.startsWith("connected to " + address), "connected once the broker runs");
    }

    /** A collecting bench and the port its UDP collector listens on. */
    private record Collector(BenchProcess bench, int port) {
    }

    /** A collecting bench and a bench watching it. */
    private record Linked(Collector collector, BenchProcess watcher) {
    }

    /** A broker, a collecting bench (site field) and a bench watching it (site lab). */
    private Linked linkedThroughABroker() throws Exception {
        broker = Mosquitto.anonymous(temporary.resolve("broker"));
        Collector collector = startCollector(collectorHome, "field");
        return new Linked(collector, startWatcher(watcherHome, "field"));
    }

    private Collector startCollector(HeadlessBench home, String site, String... settings) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--features", "udp,decoders,bridge",
                "--set", UDP + ".port=0", "--set", UDP + ".bind.address=127.0.0.1",
                "--set", BRIDGE + ".broker=" + broker.uri(), "--set", BRIDGE + ".site=" + site));
        arguments.addAll(List.of(settings));
        BenchProcess bench = home.start(arguments.toArray(String[]::new));
        bench.askUntil("bridge:status", line -> line.startsWith("connected to "), "the collector connected to the broker");
        String headline = bench.askUntil("udp:status", line -> line.startsWith("running on 127.0.0.1:"), "the collector listening");
        return new Collector(bench, Integer.parseInt(headline.substring(headline.lastIndexOf(':') + 1).trim()));
    }

    private BenchProcess startWatcher(HeadlessBench home, String subscribe, String... settings) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--features", "bridge,registry,recorder",
                "--set", BRIDGE + ".broker=" + broker.uri(), "--set", BRIDGE + ".site=lab",
                "--set", BRIDGE + ".subscribe=" + subscribe, "--set", BRIDGE + ".publish=false"));
        arguments.addAll(List.of(settings));
        BenchProcess bench = home.start(arguments.toArray(String[]::new));
        bench.askUntil("bridge:status", line -> line.startsWith("connected to "), "the watcher connected to the broker");
        return bench;
    }

    /** Sends datagrams {@code id=DEVICE,seq=i,n=i} from the device socket, one every {@code pauseMillis} (0: at once). */
    private void send(int port, String id, int from, int count, long pauseMillis) throws IOException, InterruptedException {
        InetSocketAddress collector = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        for (int i = from; i < from + count; i++) {
            byte[] payload = ("id=" + id + ",seq=" + i + ",n=" + i).getBytes(StandardCharsets.US_ASCII);
            device.send(new DatagramPacket(payload, payload.length, collector));
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis); // a device's pace, not a synchronisation
            }
        }
    }

    private byte[] receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        try {
            device.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the device received no downlink within " + RECEIVE_TIMEOUT_MILLIS + " ms");
        }
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    /** Exports a device's samples once the recorder has written them all. */
    private static List<String[]> export(BenchProcess bench, Path file, String device, int count) throws Exception {
        RecordSamplesTest.totals(bench, samples -> samples >= count, "the samples recorded");
        return RecordSamplesTest.export(bench, file, "--devices " + device);
    }

    /** The export holds channel n = 0 .. count-1, each exactly once. */
    private static void assertEachOnce(List<String[]> rows, int count) {
        TreeSet<Integer> seen = new TreeSet<>();
        for (String[] row : rows) {
            assertTrue(seen.add((int) Double.parseDouble(row[3])), "n = " + row[3] + " twice");
        }
        assertEquals(count, rows.size(), "rows");
        assertEquals(0, seen.first());
        assertEquals(count - 1, seen.last());
    }

    private static List<String> logLines(HeadlessBench home, String text) throws IOException {
        return Files.readAllLines(home.data().resolve("log/fieldbench.log")).stream().filter(line -> line.contains(text)).toList();
    }
}
