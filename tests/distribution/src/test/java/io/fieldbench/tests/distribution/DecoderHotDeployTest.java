package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An integrator's decoder dropped into {@code deploy/} while a device streams: once the bundle is
 * active its frames decode, and no datagram is lost on the way, neither before (counted as not
 * recognised) nor during nor after the switch. Deleting the jar takes the decoder away again.
 */
class DecoderHotDeployTest {

    /** The device's pace: fast enough that frames arrive while the bundle starts, slow enough for any machine. */
    private static final long FRAME_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Frames sent after the first decoded one, to see the decoder keep up. */
    private static final int FRAMES_AFTER_SWITCH = 1_000;
    /** Bounds of the stream, whatever happens. */
    private static final int MAX_FRAMES = 30_000;
    private static final Duration MAX_STREAM = Duration.ofSeconds(60);
    private static final String DEVICE = "ex1";

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private DecoderBench bench;

    private static byte[] frame(long sequence) {
        return String.format(Locale.ROOT, "EX id:%s seq:%d temp:%.1f state:ok", DEVICE, sequence, 20 + sequence % 50 / 10.0)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decodesAHotDeployedDecodersFramesWithoutLosingOne() throws Exception {
        bench = DecoderBench.start(headless, Map.of());
        assertFalse(bench.decoding().contains("example"), "no example decoder before it is deployed");
        AtomicLong sent = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> stream(sent, stop));
        try {
            Poll.until(() -> bench.collector().decodeErrors() >= 50, "frames arriving undecoded before the deploy");

            Files.copy(Distribution.exampleDecoderJar(), bench.home.resolve("deploy/example-decoder.jar"));
            Poll.until(() -> bench.devices(DEVICE).packets() > 0, "the first frame decoded by the example decoder");
            long switched = sent.get();
            Poll.until(() -> sent.get() >= switched + FRAMES_AFTER_SWITCH || streaming.isDone(), "more frames sent");
        } finally {
            stop.set(true);
            streaming.get(10, TimeUnit.SECONDS);
        }
        long total = sent.get();
        assertTrue(total < MAX_FRAMES, "the stream ended because the test said so, not at its bound");

        Poll.until(() -> bench.collector().received() >= total, "every datagram received");
        DecoderBench.Collector collector = bench.collector();
        Poll.until(() -> bench.devices(DEVICE).decoded() + collector.decodeErrors() >= total, "every sample in the registry");
        DecoderBench.Devices device = bench.devices(DEVICE);

        assertTrue(bench.decoding().contains("example"), "the collector lists the deployed decoder");
        assertEquals(total, collector.received(), "datagrams received of those sent");
        assertEquals(0, collector.queueDrops(), "drops in the decode queue");
        assertEquals(total, device.decoded() + collector.decodeErrors(),
                "every datagram either decoded or counted as not recognised (before the deploy)");
        assertEquals(0, device.lost(), "no gap in the sequence once the decoder was active");
        assertTrue(device.decoded() >= FRAMES_AFTER_SWITCH, device + " of " + total);
        assertEquals(List.of(), bench.problems(), "errors on stderr");
    }

    @Test
    void deletingTheJarTakesTheDecoderAway() throws Exception {
        bench = DecoderBench.start(headless, Map.of());
        Path jar = bench.home.resolve("deploy/example-decoder.jar");
        Files.copy(Distribution.exampleDecoderJar(), jar);
        Poll.until(() -> bench.decoding().contains("example"), "the example decoder listed");
        bench.send(frame(0));
        Poll.until(() -> bench.devices(DEVICE).packets() == 1, "the frame decoded");

        Files.delete(jar);
        Poll.until(() -> !bench.decoding().contains("example"), "the example decoder gone");
        bench.send(frame(1));

        Poll.until(() -> bench.collector().decodeErrors() == 1, "the next frame not recognised");
        assertEquals(1, bench.devices(DEVICE).decoded(), "no more frames decoded as " + DEVICE);
    }

    /** The device: one frame every interval, numbered from 0, until told to stop or at its bounds. */
    private void stream(AtomicLong sent, AtomicBoolean stop) {
        long end = System.nanoTime() + MAX_STREAM.toNanos();
        long next = System.nanoTime();
        while (!stop.get() && sent.get() < MAX_FRAMES && System.nanoTime() < end) {
            bench.send(frame(sent.get()));
            sent.incrementAndGet();
            next += FRAME_INTERVAL_NANOS;
            LockSupport.parkNanos(next - System.nanoTime()); // the device's pace, not a wait for the bench
        }
    }
}
