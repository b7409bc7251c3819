package io.fieldbench.chart.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesStore;

/**
 * What a chart nobody chose channels for shows: the channels of the device that sent last (the one
 * the engineer is looking at), in name order, at most {@value #MAX_SERIES}, so the plot has data
 * at once and stays readable. Only channels the store has points of: a registry-only channel
 * would draw nothing. Reads only the store's lock-free summaries, so it is fit for the EDT.
 */
final class FirstChannels {

    /** A first picture of a device with many channels shows this many of them. */
    static final int MAX_SERIES = 8;

    private FirstChannels() {
    }

    /** The channels to show first, or none while the store holds no point. */
    static List<SeriesKey> of(SeriesStore store) {
        Map<String, List<SeriesKey>> byDevice = new LinkedHashMap<>();
        for (SeriesKey key : store.keys()) {
            byDevice.computeIfAbsent(key.device(), d -> new ArrayList<>()).add(key);
        }
        List<SeriesKey> latest = List.of();
        long latestTime = Long.MIN_VALUE;
        for (List<SeriesKey> channels : byDevice.values()) {
            long newest = store.newest(channels);
            if (newest > latestTime) {
                latestTime = newest;
                latest = channels;
            }
        }
        return latest.stream().sorted().limit(MAX_SERIES).toList();
    }
}
