package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesStore;

class ScrollingRangeTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final List<SeriesKey> TEMP = List.of(new SeriesKey("dev-1", "temp"));

    @Test
    void liveDataScrollsWithTheClock() {
        SeriesStore store = storeWith(NOW - 2_000, NOW - 1_000);

        assertEquals(new Range(NOW - 10_000, NOW), ScrollingRange.of(store, TEMP, TimeWindow.TEN_SECONDS, NOW));
    }

    @Test
    void aSilentDeviceOrAReplayStaysInView() {
        SeriesStore store = storeWith(NOW - 70_000, NOW - 60_000);

        assertEquals(new Range(NOW - 70_000, NOW - 60_000),
                ScrollingRange.of(store, TEMP, TimeWindow.TEN_SECONDS, NOW));
    }

    @Test
    void allShowsEverythingRetainedUpToNowOrAMinuteWithoutData() {
        SeriesStore store = storeWith(NOW - 70_000, NOW - 60_000);

        assertEquals(new Range(NOW - 70_000, NOW - 1), ScrollingRange.of(store, TEMP, TimeWindow.ALL, NOW));
        assertEquals(new Range(NOW - ScrollingRange.NO_DATA_SPAN_MILLIS, NOW),
                ScrollingRange.of(new SeriesStore(10), TEMP, TimeWindow.ALL, NOW));
    }

    private static SeriesStore storeWith(long... times) {
        SeriesStore store = new SeriesStore(100);
        for (long time : times) {
            store.append(List.of(new Sample("dev-1", new InetSocketAddress("127.0.0.1", 5000), Instant.ofEpochMilli(time),
                    "text", OptionalLong.empty(), Map.of("temp", 1.0), Map.of(), 20)));
        }
        return store;
    }
}
