package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.service.event.Event;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.api.decoder.Decoder;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;

/**
 * The whole receive path over a real loopback socket, for each transport: socket, I/O thread,
 * queue, decode thread, published samples. Several devices send numbered datagrams; every one
 * must arrive, decoded, in each device's order.
 */
class ReceivePathTest {

    private static final int DEVICES = 4;
    private static final int PER_DEVICE = 2_500;
    /** Datagrams sent before waiting for the collector to have them all: a modest rate whatever the machine's load. */
    private static final int BURST = 200;
    private static final int RECEIVE_BUFFER = 1 << 20;
    private static final long DEADLINE_SECONDS = 20;

    /** Reads {@code seq=N}: the datagram's number. */
    private static final Decoder SEQUENCE = new Decoder() {
        @Override
        public String name() {
            return "seq";
        }

        @Override
        public Optional<DecodedFrame> decode(ByteBuffer payload, Charset charset) {
            String text = charset.decode(payload).toString();
            long sequence = Long.parseLong(text.substring(text.indexOf("seq=") + 4));
            return Optional.of(new DecodedFrame(Optional.empty(), OptionalLong.of(sequence), Map.of("seq", (double) sequence),
                    Map.of()));
        }
    };

    @Test
    @EnabledOnOs(OS.LINUX)
    @EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64")
    void linuxOnX86UsesEpoll() {
        assertInstanceOf(EpollTransport.class, DatagramTransport.best());
    }

    @ParameterizedTest
    @MethodSource("io.fieldbench.udp.internal.Transports#here")
    void everyDatagramArrivesDecodedInEachDevicesOrder(DatagramTransport transport) throws Exception {
        DecodeQueue queue = new DecodeQueue();
        CollectorCounters counters = new CollectorCounters();
        DecoderShelf decoders = new DecoderShelf();
        decoders.put(SEQUENCE, 0, 1);
        List<Sample> samples = new ArrayList<>();
        CountDownLatch allDecoded = new CountDownLatch(DEVICES * PER_DEVICE);
        BatchPublisher publisher = new BatchPublisher(event -> collect(event, samples, allDecoded));
        CollectorSettings settings = TestConfig.settings(Map.of());
        DecodeWorker worker = new DecodeWorker(queue, decoders, () -> settings, publisher, counters, new RateMeter(),
                new KernelDrops(), null);
        worker.start();
        UdpCollectorServer server = UdpCollectorServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                RECEIVE_BUFFER, transport, new UdpCollectorInitializer(() -> ReplyPolicy.NONE, queue, counters, Clock.systemUTC()));
        server.startReading();
        List<DatagramChannel> devices = new ArrayList<>();
        try {
            for (int d = 0; d < DEVICES; d++) {
                devices.add(DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
            }
            for (int seq = 0; seq < PER_DEVICE; seq++) {
                for (DatagramChannel device : devices) {
                    device.send(StandardCharsets.UTF_8.encode("t=1.5,seq=" + seq), server.localAddress());
                }
                if ((seq + 1) * DEVICES % BURST == 0) {
                    awaitReceived(counters, (seq + 1L) * DEVICES);
                }
            }
            assertTrue(allDecoded.await(DEADLINE_SECONDS, TimeUnit.SECONDS), "every datagram decoded; received "
                    + counters.totals(-1).datagrams() + " of " + DEVICES * PER_DEVICE);
        } finally {
            server.close();
            worker.stop();
            for (DatagramChannel device : devices) {
                device.close();
            }
        }

        Map<Integer, List<Long>> perDevice = new HashMap<>();
        synchronized (samples) {
            samples.forEach(s -> perDevice.computeIfAbsent(s.source().getPort(), port -> new ArrayList<>())
                    .add(s.sequence().orElseThrow()));
        }
        List<Long> inOrder = LongStream.range(0, PER_DEVICE).boxed().toList();
        assertEquals(DEVICES, perDevice.size());
        perDevice.forEach((port, sequence) -> assertEquals(inOrder, sequence, "device at port " + port));
        assertEquals(0, counters.totals(-1).queueDrops());
        assertEquals(0, counters.totals(-1).decodeErrors());
    }

    /** Polls the collector's count until it has every datagram sent so far, with a deadline. */
    private static void awaitReceived(CollectorCounters counters, long sent) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (counters.totals(-1).datagrams() < sent) {
            if (System.nanoTime() > end) {
                throw new AssertionError("received " + counters.totals(-1).datagrams() + " of " + sent + " within "
                        + DEADLINE_SECONDS + " s");
            }
            Thread.onSpinWait();
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Event event, List<Sample> samples, CountDownLatch decoded) {
        if (event.getTopic().equals(SampleEvents.DECODED)) {
            List<Sample> batch = (List<Sample>) event.getProperty(SampleEvents.SAMPLES);
            synchronized (samples) {
                samples.addAll(batch);
            }
            batch.forEach(s -> decoded.countDown());
        }
    }
}
