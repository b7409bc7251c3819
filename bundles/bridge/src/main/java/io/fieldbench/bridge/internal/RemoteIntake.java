package io.fieldbench.bridge.internal;

import java.util.Map;
import java.util.function.Consumer;

import org.osgi.service.event.Event;

import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;

/**
 * What other benches publish, turned into this bench's own sample events: a batch seen before is
 * dropped and counted, a new one is delivered as {@link SampleEvents#DECODED} with its devices named
 * {@code site/device} and the {@link SampleEvents#SITE} mark, so the registry, charts, recorder and
 * export take it as they take local samples, and no bridge publishes it again.
 * <p>
 * Delivery is synchronous: a batch is in the bench's handlers when its method returns, and only then
 * is it acknowledged to the broker ({@link BrokerLink}). Posted asynchronously, a batch acknowledged could
 * still wait in the event queue, and a bench killed then would lose it, the broker no longer keeping it.
 */
final class RemoteIntake {

    private final SequenceWindows windows = new SequenceWindows();
    private final Consumer<Event> deliver;
    private long batches;
    private long samples;

    /** @param deliver hands an event to every handler before it returns ({@code EventAdmin.sendEvent}) */
    RemoteIntake(Consumer<Event> deliver) {
        this.deliver = deliver;
    }

    /**
     * A message of a site's sample stream.
     *
     * @throws IllegalArgumentException when it is not a sample batch, or names another site than its topic
     */
    void samples(String topicSite, byte[] message) {
        BatchJson.Batch<Sample> batch = SampleBatchJson.read(message);
        if (firstTime(topicSite, batch, batch.site(), batch.items().size())) {
            deliver.accept(new Event(SampleEvents.DECODED, Map.of(SampleEvents.SAMPLES, batch.items(), SampleEvents.SITE, batch.site())));
        }
    }

    /**
     * A message of a site's datagram stream: delivered as {@link SampleEvents#RECEIVED} with the
     * {@link SampleEvents#SITE} mark (the registry counts the decode errors among them for the
     * remote device that sent from the same endpoint; the recorder keeps them with record.datagrams).
     *
     * @throws IllegalArgumentException when it is not a datagram batch, or names another site than its topic
     */
    void datagrams(String topicSite, byte[] message) {
        BatchJson.Batch<Datagram> batch = DatagramBatchJson.read(message);
        if (firstTime(topicSite, batch, batch.site() + "/" + Topics.DATAGRAMS, 0)) {
            deliver.accept(new Event(SampleEvents.RECEIVED, Map.of(SampleEvents.DATAGRAMS, batch.items(), SampleEvents.SITE, batch.site())));
        }
    }

    /** Counts a batch of the stream not seen before, with its samples (the lock is not held while handlers run). */
    private synchronized boolean firstTime(String topicSite, BatchJson.Batch<?> batch, String stream, int sampleCount) {
        if (!batch.site().equals(topicSite)) {
            throw new IllegalArgumentException("the batch says site '" + batch.site() + "' on the topic of '" + topicSite + "'");
        }
        if (!windows.firstTime(stream, batch.boot(), batch.seq())) {
            return false;
        }
        batches++;
        samples += sampleCount;
        return true;
    }

    synchronized long batches() {
        return batches;
    }

    synchronized long samples() {
        return samples;
    }

    synchronized long duplicates() {
        return windows.duplicates();
    }

    synchronized long missing() {
        return windows.missing();
    }
}
