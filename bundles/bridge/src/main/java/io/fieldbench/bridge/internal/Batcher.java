package io.fieldbench.bridge.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers this bench's items (samples, or datagrams) into the batches of one of the site's
 * streams and appends each to the {@link Outbox}: one message per {@code batch.millis}, split at
 * {@value #MAX_ITEMS} items so no message grows past what a consumer reads comfortably. Each batch
 * gets the stream's next sequence number of this run ({@code boot}).
 *
 * @param <T> what is gathered
 */
final class Batcher<T> {

    /** Writes one batch as a message. */
    interface Encoder<T> {
        byte[] write(String site, long boot, long seq, List<T> items);
    }

    static final int MAX_ITEMS = 5_000;

    private final String site;
    private final long boot;
    private final String topic;
    private final Encoder<T> encoder;
    private final Outbox outbox;
    private final List<T> gathered = new ArrayList<>();
    private long seq;
    private long items;

    Batcher(String site, long boot, String topic, Encoder<T> encoder, Outbox outbox) {
        this.site = site;
        this.boot = boot;
        this.topic = topic;
        this.encoder = encoder;
        this.outbox = outbox;
    }

    void add(List<T> batch) throws IOException {
        for (T item : batch) {
            gathered.add(item);
            if (gathered.size() == MAX_ITEMS) {
                flush();
            }
        }
    }

    /** Appends what was gathered as one batch; nothing when nothing was. */
    void flush() throws IOException {
        if (gathered.isEmpty()) {
            return;
        }
        outbox.append(topic, encoder.write(site, boot, seq++, gathered), System.currentTimeMillis());
        items += gathered.size();
        gathered.clear();
    }

    /** Items appended to the outbox. */
    long items() {
        return items;
    }
}
