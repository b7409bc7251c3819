package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;

/** The decode thread between the queue and EventAdmin, with a decoder that fails on every other datagram. */
class DecodeWorkerTest {

    private static final InetSocketAddress DEVICE = new InetSocketAddress("127.0.0.1", 40_001);
    private static final int COUNT = 1_000;

    @Test
    void decodesPublishesAndCountsDecodeErrorsInReceiveOrder() throws Exception {
        DecodeQueue queue = new DecodeQueue();
        DecoderShelf decoders = new DecoderShelf();
        decoders.put(new io.fieldbench.api.decoder.Decoder() {
            @Override
            public String name() {
                return "parity";
            }

            @Override
            public Optional<DecodedFrame> decode(java.nio.ByteBuffer payload, java.nio.charset.Charset charset) {
                int value = Integer.parseInt(StandardCharsets.UTF_8.decode(payload).toString());
                if (value % 2 == 1) {
                    throw new IllegalArgumentException("odd");
                }
                return Optional.of(DecodedFrame.of(Map.of("v", (double) value)));
            }
        }, 0, 1);
        CollectorCounters counters = new CollectorCounters();
        List<Datagram> datagrams = new CopyOnWriteArrayList<>();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        CountDownLatch allPublished = new CountDownLatch(COUNT);
        BatchPublisher publisher = new BatchPublisher(event -> collect(event, datagrams, samples, allPublished));
        CollectorSettings settings = TestConfig.settings(Map.of());
        DecodeWorker worker = new DecodeWorker(queue, decoders, () -> settings, publisher, counters, new RateMeter(),
                new KernelDrops(), null);
        worker.start();

        for (int i = 0; i < COUNT; i++) {
            assertTrue(queue.offer(new RawDatagram(DEVICE, Instant.EPOCH, Integer.toString(i).getBytes(StandardCharsets.UTF_8))));
        }

        assertTrue(allPublished.await(10, TimeUnit.SECONDS), "every datagram published");
        worker.stop();
        assertEquals(COUNT / 2, counters.totals(-1).decodeErrors());
        assertEquals(COUNT / 2, samples.size());
        for (int i = 0; i < COUNT; i++) {
            assertEquals(Integer.toString(i), new String(datagrams.get(i).payload(), StandardCharsets.UTF_8));
            assertEquals(i % 2 == 1 ? "parity: odd" : "", datagrams.get(i).problem());
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Event event, List<Datagram> datagrams, List<Sample> samples, CountDownLatch published) {
        if (event.getTopic().equals(SampleEvents.RECEIVED)) {
            List<Datagram> batch = (List<Datagram>) event.getProperty(SampleEvents.DATAGRAMS);
            datagrams.addAll(batch);
            batch.forEach(d -> published.countDown());
        } else {
            samples.addAll((List<Sample>) event.getProperty(SampleEvents.SAMPLES));
        }
    }
}
