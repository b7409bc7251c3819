package io.fieldbench.chart.internal;

import java.util.Comparator;
import java.util.Objects;

/**
 * One channel of one device: what a chart plots as one series.
 *
 * @param device  the device id
 * @param channel the channel name
 */
public record SeriesKey(String device, String channel) implements Comparable<SeriesKey> {

    private static final Comparator<SeriesKey> ORDER = Comparator.comparing(SeriesKey::device)
            .thenComparing(SeriesKey::channel);

    public SeriesKey {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(channel, "channel");
    }

    /** The legend text, {@code device / channel}. */
    public String label() {
        return device + " / " + channel;
    }

    @Override
    public int compareTo(SeriesKey other) {
        return ORDER.compare(this, other);
    }
}
