package io.fieldbench.decoder.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import io.fieldbench.api.decoder.DecodedFrame;

/**
 * The fields of one line as they are read: the device id, the sequence number, numbers as
 * channels and everything else as texts. One per datagram, never shared.
 * <p>
 * A key given twice is an error rather than "last one wins": it is a firmware bug the operator
 * should see. A field with an empty value is left out, as a reading that was not taken.
 * <p>
 * Channels and texts are kept as entries in the order read and become the frame's immutable maps
 * once, at the end: a mutable map in between would be copied again by the frame, for every datagram.
 */
final class FrameFields {

    /** At most this many fields in one datagram; a line with more is rejected, not truncated. */
    static final int MAX_FIELDS = 10_000;

    /** Keys longer than this are rejected: no channel name is that long. */
    static final int MAX_KEY_LENGTH = 256;

    private final TextFormat format;
    /** Every key given, those with an empty value too: left out, but still taken. */
    private final LineKeys keys = new LineKeys();
    private final List<Map.Entry<String, Double>> channels = new ArrayList<>();
    private final List<Map.Entry<String, String>> texts = new ArrayList<>();
    private Optional<String> deviceId = Optional.empty();
    private OptionalLong sequence = OptionalLong.empty();

    FrameFields(TextFormat format) {
        this.format = format;
    }

    /**
     * Adds one field.
     *
     * @param quoted whether the value was quoted, which makes it text even when it looks like a number
     */
    void put(String key, String value, boolean quoted) {
        put(key, value, 0, value.length(), quoted);
    }

    /**
     * Adds one field whose value is {@code text[start, end)}: a number is read in place, and only a
     * value kept as text is cut out of the line.
     *
     * @param quoted whether the value was quoted, which makes it text even when it looks like a number
     */
    void put(String key, String text, int start, int end, boolean quoted) {
        if (keys.count() == MAX_FIELDS) {
            throw new IllegalArgumentException("more than " + MAX_FIELDS + " fields");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key '" + key.substring(0, 20) + "...' is longer than " + MAX_KEY_LENGTH
                    + " characters");
        }
        if (!keys.add(key)) {
            throw new IllegalArgumentException("key '" + key + "' appears twice");
        }
        if (start == end) {
            return;
        }
        if (key.equals(format.idKey())) {
            deviceId = Optional.of(text.substring(start, end));
        } else if (key.equals(format.sequenceKey())) {
            sequence = OptionalLong.of(NumberLiteral.parseWhole(text, start, end).orElseThrow(
                    () -> new IllegalArgumentException("sequence " + key + "='" + text.substring(start, end)
                            + "' is not a whole number")));
        } else {
            OptionalDouble number = quoted ? OptionalDouble.empty() : NumberLiteral.parse(text, start, end);
            if (number.isPresent()) {
                channels.add(Map.entry(key, number.getAsDouble()));
            } else {
                texts.add(Map.entry(key, text.substring(start, end)));
            }
        }
    }

    DecodedFrame frame() {
        return new DecodedFrame(deviceId, sequence, mapOf(channels), mapOf(texts));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> mapOf(List<Map.Entry<String, V>> entries) {
        return Map.ofEntries(entries.toArray(Map.Entry[]::new));
    }
}
