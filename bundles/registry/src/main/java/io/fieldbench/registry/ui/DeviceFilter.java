package io.fieldbench.registry.ui;

import java.util.Locale;
import java.util.function.Predicate;

import io.fieldbench.api.device.Device;

/**
 * Which devices the table shows: those whose id, an endpoint or a channel name contains the text
 * (ignoring case), and only those online when asked.
 */
record DeviceFilter(String text, boolean onlineOnly) implements Predicate<Device> {

    DeviceFilter {
        text = text.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(Device device) {
        if (onlineOnly && !device.online()) {
            return false;
        }
        return text.isEmpty()
                || device.id().toLowerCase(Locale.ROOT).contains(text)
                || device.endpoints().stream().anyMatch(endpoint -> endpoint.toLowerCase(Locale.ROOT).contains(text))
                || device.channels().stream().anyMatch(channel -> channel.toLowerCase(Locale.ROOT).contains(text));
    }
}
