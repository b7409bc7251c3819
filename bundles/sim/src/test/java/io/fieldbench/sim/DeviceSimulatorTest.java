package io.fieldbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the simulator against a plain socket on loopback. */
class DeviceSimulatorTest {

    private static final Pattern TEXT = Pattern.compile("id=(dev\\d{4}),seq=(\\d+),temp=-?\\d+\\.\\d\\d,hum=\\d+\\.\\d");
    private static final int RECEIVE_BUFFER = 8 << 20;
    private static final long RECEIVE_TIMEOUT_MILLIS = 5_000;

    private DatagramChannel receiver;
    private Target target;

    @BeforeEach
    void listen() throws IOException {
        receiver = DatagramChannel.open();
        receiver.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
        receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        target = new Target("127.0.0.1", ((InetSocketAddress) receiver.getLocalAddress()).getPort());
    }

    @AfterEach
    void close() throws IOException {
        receiver.close();
    }

    @Test
    void eachDeviceSendsItsShareInSequenceFromItsOwnPort() throws Exception {
        int devices = 20;
        int count = 400;
        SimulationResult result = new DeviceSimulator(plan(devices, 0, count, Optional.empty())).run();

        Map<String, Long> lastSequence = new HashMap<>();
        Map<String, Set<Integer>> ports = new HashMap<>();
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        for (int i = 0; i < count; i++) {
            InetSocketAddress source = receive(buffer);
            Matcher frame = TEXT.matcher(StandardCharsets.US_ASCII.decode(buffer).toString());
            assertTrue(frame.matches(), "a text frame: " + frame);
            long previous = lastSequence.getOrDefault(frame.group(1), 0L);
            assertEquals(previous + 1, Long.parseLong(frame.group(2)), "sequence of " + frame.group(1));
            lastSequence.put(frame.group(1), previous + 1);
            ports.computeIfAbsent(frame.group(1), id -> new HashSet<>()).add(source.getPort());
        }

        assertEquals(count, result.sent());
        assertEquals(devices, lastSequence.size());
        lastSequence.values().forEach(last -> assertEquals(count / devices, last));
        ports.values().forEach(used -> assertEquals(1, used.size(), "one source port per device"));
        assertEquals(devices, ports.values().stream().flatMap(Set::stream).distinct().count(), "no two devices share a port");
    }

    @Test
    void pacesToTheRate() throws Exception {
        long rate = 2_000;
        int count = 1_000;
        SimulationResult result = new DeviceSimulator(plan(5, rate, count, Optional.empty())).run();

        assertEquals(count, result.sent());
        double expectedSeconds = (count - 1) / (double) rate;
        assertTrue(result.elapsedSeconds() >= expectedSeconds * 0.95 && result.elapsedSeconds() < expectedSeconds + 0.5,
                "took " + result.elapsedSeconds() + " s for " + count + " at " + rate + "/s");
    }

    @Test
    void stopsAfterItsDuration() throws Exception {
        SimulationResult result = new DeviceSimulator(plan(3, 1_000, 0, Optional.of(Duration.ofMillis(300)))).run();

        assertTrue(result.elapsedSeconds() >= 0.29 && result.elapsedSeconds() < 1.0, "ran " + result.elapsedSeconds() + " s");
        assertTrue(result.sent() >= 270 && result.sent() <= 301, "sent " + result.sent());
    }

    @Test
    void stopEndsARunEarly() throws Exception {
        DeviceSimulator simulator = new DeviceSimulator(plan(3, 1_000, 0, Optional.of(Duration.ofMinutes(5))));
        CompletableFuture<SimulationResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return simulator.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        receive(ByteBuffer.allocate(2048));

        simulator.stop();

        SimulationResult result = run.get(RECEIVE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertTrue(result.sent() > 0);
    }

    private SimulationPlan plan(int devices, long rate, long count, Optional<Duration> duration) {
        return new SimulationPlan(devices, rate, FrameFormat.TEXT, target, duration,
                count == 0 ? OptionalLong.empty() : OptionalLong.of(count), 0);
    }

    private InetSocketAddress receive(ByteBuffer buffer) throws Exception {
        buffer.clear();
        InetSocketAddress source = CompletableFuture.supplyAsync(() -> {
            try {
                return (InetSocketAddress) receiver.receive(buffer);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(RECEIVE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        buffer.flip();
        return source;
    }
}
