package io.fieldbench.bridge.internal;

import java.util.List;

import io.fieldbench.api.sample.Sample;

/**
 * One message of a site's sample stream: the samples of {@code batch.millis}, numbered within the
 * publishing bench's run ({@code boot}, its start time), so that a consumer drops a batch it saw
 * already (QoS 1 may deliver twice) and sees which are missing.
 *
 * @param samples the samples, with their devices named as the publishing bench names them
 */
record SampleBatch(String site, long boot, long seq, List<Sample> samples) {
}
