package io.fieldbench.bridge.internal;

import java.util.Map;
import java.util.function.Consumer;

import org.osgi.service.event.Event;

import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;

/**
 * What other benches publish, turned into this bench's own sample events: a batch seen before is
 * dropped and counted, a new one is posted as {@link SampleEvents#DECODED} with its devices named
 * {@code site/device} and the {@link SampleEvents#SITE} mark, so the registry, charts, recorder and
 * export take it as they take local samples, and no bridge publishes it again.
 */
final class RemoteIntake {

    private final SequenceWindows windows = new SequenceWindows();
    private final Consumer<Event> post;
    private long batches;
    private long samples;

    RemoteIntake(Consumer<Event> post) {
        this.post = post;
    }

    /**
     * A message of a site's sample stream.
     *
     * @throws IllegalArgumentException when it is not a sample batch, or names another site than its topic
     */
    synchronized void samples(String topicSite, byte[] message) {
        BatchJson.Batch<Sample> batch = SampleBatchJson.read(message);
        if (!batch.site().equals(topicSite)) {
            throw new IllegalArgumentException("the batch says site '" + batch.site() + "' on the topic of '" + topicSite + "'");
        }
        if (!windows.firstTime(batch.site(), batch.boot(), batch.seq())) {
            return;
        }
        batches++;
        samples += batch.items().size();
        post.accept(new Event(SampleEvents.DECODED, Map.of(SampleEvents.SAMPLES, batch.items(), SampleEvents.SITE, batch.site())));
    }

    /**
     * A message of a site's datagram stream: posted as {@link SampleEvents#RECEIVED} with the
     * {@link SampleEvents#SITE} mark (the registry counts the decode errors among them for the
     * remote device that sent from the same endpoint; the recorder keeps them with record.datagrams).
     *
     * @throws IllegalArgumentException when it is not a datagram batch, or names another site than its topic
     */
    synchronized void datagrams(String topicSite, byte[] message) {
        BatchJson.Batch<Datagram> batch = DatagramBatchJson.read(message);
        if (!batch.site().equals(topicSite)) {
            throw new IllegalArgumentException("the batch says site '" + batch.site() + "' on the topic of '" + topicSite + "'");
        }
        if (windows.firstTime(batch.site() + "/" + Topics.DATAGRAMS, batch.boot(), batch.seq())) {
            batches++;
            post.accept(new Event(SampleEvents.RECEIVED,
                    Map.of(SampleEvents.DATAGRAMS, batch.items(), SampleEvents.SITE, batch.site())));
        }
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
