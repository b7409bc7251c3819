package io.fieldbench.bridge.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The bridge at one moment, for {@code bridge:status}, {@code fb:status} and the Bridge view.
 *
 * @param state          off, connecting, connected or disconnected
 * @param lastError      the last failure, in one line, or empty
 * @param backlogAge     seconds since the oldest message not yet acknowledged was appended (0: none)
 * @param backlogDropped messages dropped over the backlog limit
 * @param overrun        samples this bench could not queue for the broker (the bridge fell behind)
 * @param rejected       messages on our topics that were not what they should be (malformed, foreign, too large)
 */
public record BridgeStatus(String state, String broker, String site, String clientId, String subscribe, String lastError,
        long publishedMessages, long publishedSamples, double publishedPerSecond, long backlogMessages, long backlogBytes,
        long backlogAge, long backlogDropped, boolean catchingUp, long refused, long overrun, long receivedMessages,
        long receivedSamples, double receivedPerSecond, long duplicates, long missing, long rejected,
        long commandsRun) {


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
        lines.add(state + " " + (state.equals("connected") ? "to " : "— broker ") + broker + " as site '" + site
                + "' (client id " + clientId + ")");
        lines.add(String.format("published: %d messages, %d samples (%.0f samples/s); backlog: %d messages, %s%s%s%s",
                publishedMessages, publishedSamples, publishedPerSecond, backlogMessages, bytes(backlogBytes),
                backlogAge > 0 ? ", oldest " + backlogAge + " s" : "", catchingUp ? ", catching up" : "",
                backlogDropped > 0 ? ", " + backlogDropped + " dropped over the limit" : ""));
        if (refused > 0 || overrun > 0) {
            lines.add("not sent: " + refused + " messages refused by the broker, " + overrun + " samples the bridge could not queue");
        }
        lines.add(String.format("received%s: %d messages, %d samples (%.0f samples/s); duplicates dropped: %d; missing: %d;"
                + " rejected: %d", subscribe.isEmpty() ? " (subscribed to no site)" : " from " + subscribe, receivedMessages,
                receivedSamples, receivedPerSecond, duplicates, missing, rejected));
        if (commandsRun > 0) {
            lines.add("downlink commands carried out: " + commandsRun);
        }
        if (!lastError.isEmpty()) {
            lines.add("last error: " + lastError);
        }
        return lines;
    }

    private static String bytes(long bytes) {
        return bytes < 1 << 20 ? (bytes >> 10) + " KiB" : String.format("%.1f MiB", bytes / (double) (1 << 20));
    }
}
