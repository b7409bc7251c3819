package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;

class BatchPublisherTest {

    private static final InetSocketAddress DEVICE = new InetSocketAddress("127.0.0.1", 40_001);
    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(BatchPublisher.FLUSH_INTERVAL_MILLIS);

    private final List<Event> posted = new ArrayList<>();
    private final BatchPublisher publisher = new BatchPublisher(posted::add);

    private static Datagram datagram(int number) {
        return new Datagram(DEVICE, Instant.EPOCH, new byte[] {(byte) number}, "");
    }

    private static Sample sample(int number) {
        return new Sample("d", DEVICE, Instant.EPOCH, "text", OptionalLong.of(number), Map.of(), Map.of(), 1);
    }

    @SuppressWarnings("unchecked")
    private List<Datagram> datagramsIn(Event event) {
        return (List<Datagram>) event.getProperty(SampleEvents.DATAGRAMS);
    }

    @Test
    void aQuietStreamIsPublishedWithinTheFlushInterval() {
        publisher.add(datagram(1), sample(1), 0);
        publisher.flushIfDue(INTERVAL - 1);
        assertTrue(posted.isEmpty());
        assertEquals(1, publisher.nanosUntilDue(INTERVAL - 1));

        publisher.flushIfDue(INTERVAL);

        assertEquals(List.of(SampleEvents.RECEIVED, SampleEvents.DECODED), posted.stream().map(Event::getTopic).toList());
        assertEquals(1, datagramsIn(posted.get(0)).size());
    }

    @Test
    void aFastStreamIsPublishedInFullBatchesAndNothingIsLost() {
        int count = 3 * BatchPublisher.MAX_BATCH + 17;
        for (int i = 0; i < count; i++) {
            publisher.add(datagram(i), i % 2 == 0 ? sample(i) : null, 0);
        }
        assertEquals(3, posted.stream().filter(e -> e.getTopic().equals(SampleEvents.RECEIVED)).count(),
                "full batches go out at once, without waiting for the interval");

        publisher.flush();

        List<Datagram> all = new ArrayList<>();
        long samples = 0;
        for (Event event : posted) {
            if (event.getTopic().equals(SampleEvents.RECEIVED)) {
                all.addAll(datagramsIn(event));
            } else {
                samples += ((List<?>) event.getProperty(SampleEvents.SAMPLES)).size();
            }
        }
        assertEquals(count, all.size());
        assertEquals((count + 1) / 2, samples);
        for (int i = 0; i < count; i++) {
            assertEquals((byte) i, all.get(i).payload()[0], "in receive order");
        }
    }

    @Test
    void undecodedDatagramsPostNoSampleEvent() {
        publisher.add(datagram(1), null, 0);

        publisher.flush();

        assertEquals(List.of(SampleEvents.RECEIVED), posted.stream().map(Event::getTopic).toList());
    }
}
