package io.fieldbench.bridge.internal;

import java.util.ArrayList;
import java.util.List;

import io.fieldbench.support.ByteSize;

/**
 * The bridge at one moment, for {@code bridge:status}, {@code fb:status} and the Bridge view.
 *
 * @param state      off, connecting, connected or disconnected
 * @param lastError  the last failure, in one line, or empty
 * @param refused    messages the broker refused (not sent again)
 * @param overrun    samples this bench could not queue for the broker (the bridge fell behind)
 * @param duplicates batches received again and dropped
 * @param missing    batches of other benches not (yet) received
 * @param rejected   messages on our topics that were not what they should be (malformed, foreign, too large)
 * @param commands   downlink commands carried out for this bench's devices
 */
public record BridgeStatus(String state, String broker, String site, String clientId, String subscribe, String lastError,
        Traffic published, Backlog backlog, long refused, long overrun, Traffic received, long duplicates, long missing,
        long rejected, long commands) {

    /** Messages and samples so far, and per second lately. */
    public record Traffic(long messages, long samples, double messagesPerSecond, double samplesPerSecond) {

        static final Traffic NONE = new Traffic(0, 0, 0, 0);

        @Override
        public String toString() {
            return String.format("%d messages, %d samples (%.0f messages/s, %.0f samples/s)", messages, samples,
                    messagesPerSecond, samplesPerSecond);
        }
    }

    /**
     * What waits on disk for the broker.
     *
     * @param ageSeconds since the oldest message not yet acknowledged was appended (0: none)
     * @param dropped    messages dropped over the size limit
     * @param catchingUp whether the backlog of an absence is being sent
     */
    public record Backlog(long messages, long bytes, long ageSeconds, long dropped, boolean catchingUp) {

        static final Backlog NONE = new Backlog(0, 0, 0, 0, false);

        @Override
        public String toString() {
            return messages + " messages, " + ByteSize.of(bytes)
                    + (ageSeconds > 0 ? ", oldest " + ageSeconds + " s" : "") + (catchingUp ? ", catching up" : "")
                    + (dropped > 0 ? ", " + dropped + " dropped over the limit" : "");
        }
    }

    /** The bridge without a broker, and why (empty when none is set). */
    static BridgeStatus off(String problem) {
        return new BridgeStatus("off", "", "", "", "", problem, Traffic.NONE, Backlog.NONE, 0, 0, Traffic.NONE, 0, 0, 0, 0);
    }

    /** The status as lines of text; the first says whether the bridge runs and where. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if ("off".equals(state)) {
            lines.add("off: no broker set (broker in Settings / <data>/etc/io.fieldbench.bridge.cfg, e.g. tcp://host:1883)");
            if (!lastError.isEmpty()) {
                lines.add("problem: " + lastError);
            }
            return lines;
        }
        lines.add(state + ("connected".equals(state) ? " to " : " — broker ") + broker + " as site '" + site
                + "' (client id " + clientId + ")");
        lines.add("published: " + published + "; backlog: " + backlog);
        if (refused > 0 || overrun > 0) {
            lines.add("not sent: " + refused + " messages refused by the broker, " + overrun + " samples the bridge could not queue");
        }
        lines.add("received" + (subscribe.isEmpty() ? " (subscribed to no site)" : " from " + subscribe) + ": " + received
                + "; duplicates dropped: " + duplicates + "; missing: " + missing + "; rejected: " + rejected);
        if (commands > 0) {
            lines.add("downlink commands carried out: " + commands);
        }
        if (!lastError.isEmpty()) {
            lines.add("last error: " + lastError);
        }
        return lines;
    }
}
