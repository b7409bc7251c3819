package io.fieldbench.udp.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.service.event.Event;

import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;

/**
 * Gathers datagrams and samples into batches and posts each batch as one event: a quiet stream
 * gets an event per datagram within {@value #FLUSH_INTERVAL_MILLIS} ms, a fast one gets batches of
 * up to {@value #MAX_BATCH}, so the number of events stays small whatever the rate. Nothing is
 * dropped here. Used by the decode thread only.
 */
final class BatchPublisher {

    /** The longest a datagram waits before it is published. */
    static final long FLUSH_INTERVAL_MILLIS = 20;
    /** The most datagrams in one event; at 100 000 datagrams/s batches are about 2 000. */
    static final int MAX_BATCH = 4_096;
    private static final long FLUSH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MILLIS);

    private final Consumer<Event> post;
    private List<Datagram> datagrams = new ArrayList<>();
    private List<Sample> samples = new ArrayList<>();
    private long oldestNanos;

    /** @param post EventAdmin's postEvent (asynchronous, in order) */
    BatchPublisher(Consumer<Event> post) {
        this.post = post;
    }

    /** Adds a datagram and its sample (null when it was not decoded); publishes when the batch is full. */
    void add(Datagram datagram, Sample sample, long nanoTime) {
        if (datagrams.isEmpty()) {
            oldestNanos = nanoTime;
        }
        datagrams.add(datagram);
        if (sample != null) {
            samples.add(sample);
        }
        if (datagrams.size() >= MAX_BATCH) {
            flush();
        }
    }

    /** Publishes the batch if its oldest datagram waited long enough. */
    void flushIfDue(long nanoTime) {
        if (!datagrams.isEmpty() && nanoTime - oldestNanos >= FLUSH_INTERVAL_NANOS) {
            flush();
        }
    }

    /** How long the decode thread may wait for more datagrams before the batch is due. */
    long nanosUntilDue(long nanoTime) {
        return datagrams.isEmpty() ? FLUSH_INTERVAL_NANOS : Math.max(0, oldestNanos + FLUSH_INTERVAL_NANOS - nanoTime);
    }

    /** Publishes whatever waits: datagrams first, then the samples decoded from them. */
    void flush() {
        if (datagrams.isEmpty()) {
            return;
        }
        post.accept(new Event(SampleEvents.RECEIVED, Map.of(SampleEvents.DATAGRAMS, Collections.unmodifiableList(datagrams))));
        if (!samples.isEmpty()) {
            post.accept(new Event(SampleEvents.DECODED, Map.of(SampleEvents.SAMPLES, Collections.unmodifiableList(samples))));
        }
        datagrams = new ArrayList<>();
        samples = new ArrayList<>();
    }
}
