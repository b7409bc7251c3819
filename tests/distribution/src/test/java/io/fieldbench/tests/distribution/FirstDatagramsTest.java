package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bench started while a device already sends, as after a crash or a reboot in the field: every
 * datagram the collector receives from its first on is recorded and counted by the registry,
 * because the features that follow samples start before the collector listens.
 */
class FirstDatagramsTest {

    private static final String DEVICE = "devFirst";
    /** One datagram a millisecond at most: the stream runs through the whole start. */
    private static final Duration PACE = Duration.ofMillis(1);
    /** How long the device goes on sending once the collector has received its first datagram. */
    private static final Duration AFTER_FIRST = Duration.ofSeconds(1);
    private static final Pattern RECEIVED = Pattern.compile("received:\\s+(\\d+) datagrams");
    private static final Pattern DEVICE_COUNTS = Pattern.compile("1 device, .*, (\\d+) packets, (\\d+) decode errors, .*");

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private final ExecutorService device = Executors.newSingleThreadExecutor();
    private final AtomicBoolean sending = new AtomicBoolean(true);

    @AfterEach
    void stopSending() {
        sending.set(false);
        device.shutdownNow();
    }

    @Test
    void everyDatagramFromTheFirstOnIsRecordedAndCountedWhenTheBenchStartsUnderTraffic() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = probe.getLocalPort(); // free now; the bench binds it a few seconds later
        }
        Future<Integer> sent = device.submit(() -> sendUntilStopped(port));

        BenchProcess bench = headless.start("--features", "udp,decoders,registry,recorder",
                "--set", RecordSamplesTest.UDP + ".port=" + port, "--set", RecordSamplesTest.UDP + ".bind.address=127.0.0.1");
        bench.awaitListening("udp:status");
        Poll.until(() -> received(bench) > 0, "the collector's first datagram");
        TimeUnit.NANOSECONDS.sleep(AFTER_FIRST.toNanos()); // the stream's length, not a synchronisation
        sending.set(false);
        int total = sent.get(BenchProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS);

        long received = received(bench);
        assertTrue(received > 0 && received < total, "the device sent " + total + " from before the bench listened; "
                + received + " reached the collector");
        Matcher counts = DEVICE_COUNTS.matcher(bench.askUntil("fb:devices --count " + DEVICE,
                line -> line.matches("1 device, .*, " + received + " packets, .*"), "all " + received + " counted by the registry"));
        assertTrue(counts.matches());
        assertEquals("0", counts.group(2), "decode errors");
        RecordSamplesTest.totals(bench, samples -> samples == received, received + " samples recorded");
        System.out.printf("first datagrams: the device sent %d from before the start; the collector received the last %d,"
                + " the registry counted and the recorder recorded all of them%n", total, received);
    }

    /** Sends numbered datagrams to the port, whether anything listens there or not, until stopped; gives how many. */
    private int sendUntilStopped(int port) throws Exception {
        InetSocketAddress collector = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        int count = 0;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            while (sending.get()) {
                byte[] payload = ("id=" + DEVICE + ",seq=" + count + ",temp=" + RecordSamplesTest.temp(count))
                        .getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(payload, payload.length, collector));
                count++;
                TimeUnit.NANOSECONDS.sleep(PACE.toNanos()); // paces the device, as a real one sends
            }
        }
        return count;
    }

    /** The datagrams the collector received, by {@code udp:status}. */
    private static long received(BenchProcess bench) throws InterruptedException {
        Matcher received = RECEIVED.matcher(bench.ask("udp:status", line -> line.startsWith("received:"), "the received count"));
        assertTrue(received.find());
        return Long.parseLong(received.group(1));
    }
}
