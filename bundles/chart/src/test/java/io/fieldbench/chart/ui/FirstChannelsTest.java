package io.fieldbench.chart.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesStore;

/** A chart nobody chose channels for shows the device that sent last, a readable number of its channels. */
class FirstChannelsTest {

    private static Sample sample(String device, long time, Map<String, Double> channels) {
        return new Sample(device, new InetSocketAddress("127.0.0.1", 5000), Instant.ofEpochMilli(time), "text",
                OptionalLong.empty(), channels, Map.of(), 20);
    }

    @Test
    void theDeviceThatSentLastWithAtMostEightChannels() {
        SeriesStore store = new SeriesStore(100);
        Map<String, Double> many = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put(String.format("ch%02d", i), (double) i);
        }
        store.append(List.of(sample("a-old", 1000, Map.of("temp", 1.0)), sample("b-new", 2000, many)));

        List<SeriesKey> first = FirstChannels.of(store);

        assertEquals(FirstChannels.MAX_SERIES, first.size());
        assertEquals(new SeriesKey("b-new", "ch00"), first.get(0));
        assertEquals(new SeriesKey("b-new", "ch07"), first.get(FirstChannels.MAX_SERIES - 1));
    }

    @Test
    void nothingWhileTheStoreIsEmpty() {
        assertEquals(List.of(), FirstChannels.of(new SeriesStore(100)));
    }

    @Test
    void thePickerTakesASuggestionOnlyUntilTheUserChooses() {
        List<List<SeriesKey>> told = new ArrayList<>();
        SeriesKey temp = new SeriesKey("dev-1", "temp");
        SeriesKey hum = new SeriesKey("dev-1", "hum");
        ChannelPicker picker = new ChannelPicker(() -> List.of(temp, hum), List.of(), Set.of(), told::add, right -> {
        });

        picker.suggest(() -> List.of(temp, hum));
        assertEquals(List.of(temp, hum), picker.checked());
        assertEquals("2 of 2 channels", picker.getText());
        assertEquals(List.of(List.of(temp, hum)), told, "the chart was not told, so the choice is not saved");

        picker.setChecked(temp, false);
        picker.setChecked(hum, false);
        picker.suggest(() -> List.of(temp, hum));
        assertEquals(List.of(), picker.checked(), "a suggestion overrode the user's empty choice");
    }

    @Test
    void aSavedSelectionIsNotReplaced() {
        SeriesKey temp = new SeriesKey("dev-1", "temp");
        SeriesKey other = new SeriesKey("dev-2", "flow");
        ChannelPicker picker = new ChannelPicker(List::of, List.of(temp), Set.of(), checked -> {
        }, right -> {
        });

        picker.suggest(() -> List.of(other));

        assertEquals(List.of(temp), picker.checked());
    }
}
