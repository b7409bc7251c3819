package io.fieldbench.bridge.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.fieldbench.api.sample.Sample;

/**
 * Gathers this bench's samples into batches of the site's stream and appends each to the
 * {@link Outbox}: one message per {@code batch.millis}, split at {@value #MAX_SAMPLES} samples so
 * no message grows past what a consumer reads comfortably. Each batch gets the next sequence
 * number of this run ({@code boot}).
 */
final class SampleBatcher {

    static final int MAX_SAMPLES = 5_000;

    private final String site;
    private final long boot;
    private final String topic;
    private final Outbox outbox;
    private final List<Sample> gathered = new ArrayList<>();
    private long seq;
    private long samples;

    SampleBatcher(String site, long boot, String topic, Outbox outbox) {
        this.site = site;
        this.boot = boot;
        this.topic = topic;
        this.outbox = outbox;
    }

    void add(List<Sample> batch) throws IOException {
        for (Sample sample : batch) {
            gathered.add(sample);
            if (gathered.size() == MAX_SAMPLES) {
                flush();
            }
        }
    }

    /** Appends what was gathered as one batch; nothing when nothing was. */
    void flush() throws IOException {
        if (gathered.isEmpty()) {
            return;
        }
        outbox.append(topic, SampleBatchJson.write(site, boot, seq++, gathered), System.currentTimeMillis());
        samples += gathered.size();
        gathered.clear();
    }

    /** Samples appended to the outbox. */
    long samples() {
        return samples;
    }
}
