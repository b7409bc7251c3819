package io.fieldbench.api.decoder;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a decoder read from one datagram.
 *
 * @param deviceId the device the frame names, if it names one; otherwise the device is known by its source address
 * @param sequence the frame's sequence number, if it has one; used to count gaps and lost frames
 * @param channels numeric channel values by name (nested names flattened as {@code a.b}); NaN and infinities are kept as sent
 * @param texts    text fields by name
 */
public record DecodedFrame(Optional<String> deviceId, OptionalLong sequence, Map<String, Double> channels,
        Map<String, String> texts) {

    public DecodedFrame {
        channels = Map.copyOf(channels);
        texts = Map.copyOf(texts);
    }

    /** A frame of channel values only. */
    public static DecodedFrame of(Map<String, Double> channels) {
        return new DecodedFrame(Optional.empty(), OptionalLong.empty(), channels, Map.of());
    }

    public DecodedFrame withDeviceId(String id) {
        return new DecodedFrame(Optional.of(id), sequence, channels, texts);
    }

    public DecodedFrame withSequence(long number) {
        return new DecodedFrame(deviceId, OptionalLong.of(number), channels, texts);
    }

    public DecodedFrame withTexts(Map<String, String> fields) {
        return new DecodedFrame(deviceId, sequence, channels, fields);
    }
}
