package io.fieldbench.decoder.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import io.fieldbench.api.decoder.DecodedFrame;

/**
 * The fields of one line as they are read: the device id, the sequence number, numbers as
 * channels and everything else as texts. One per datagram, never shared.
 * <p>
 * A key given twice is an error rather than "last one wins": it is a firmware bug the operator
 * should see. A field with an empty value is left out, as a reading that was not taken.
 */
final class FrameFields {

    /** At most this many fields in one datagram; a line with more is rejected, not truncated. */
    static final int MAX_FIELDS = 10_000;

    /** Keys longer than this are rejected: no channel name is that long. */
    static final int MAX_KEY_LENGTH = 256;

    private final TextFormat format;
    private final Map<String, Double> channels = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    /** Keys given with an empty value: left out, but still taken. Rare, so made only when needed. */
    private Set<String> emptyKeys;
    private int count;
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
        if (count == MAX_FIELDS) {
            throw new IllegalArgumentException("more than " + MAX_FIELDS + " fields");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key '" + key.substring(0, 20) + "...' is longer than " + MAX_KEY_LENGTH
                    + " characters");
        }
        if (taken(key)) {
            throw new IllegalArgumentException("key '" + key + "' appears twice");
        }
        count++;
        if (value.isEmpty()) {
            if (emptyKeys == null) {
                emptyKeys = new HashSet<>();
            }
            emptyKeys.add(key);
            return;
        }
        if (key.equals(format.idKey())) {
            deviceId = Optional.of(value);
        } else if (key.equals(format.sequenceKey())) {
            sequence = OptionalLong.of(NumberLiteral.parseWhole(value).orElseThrow(() -> new IllegalArgumentException(
                    "sequence " + key + "='" + value + "' is not a whole number")));
        } else {
            OptionalDouble number = quoted ? OptionalDouble.empty() : NumberLiteral.parse(value);
            if (number.isPresent()) {
                channels.put(key, number.getAsDouble());
            } else {
                texts.put(key, value);
            }
        }
    }

    /** Whether the line gave this key already; a lookup in the fields, not a set of every key kept alongside. */
    private boolean taken(String key) {
        boolean kept = key.equals(format.idKey()) ? deviceId.isPresent()
                : key.equals(format.sequenceKey()) ? sequence.isPresent()
                : channels.containsKey(key) || texts.containsKey(key);
        return kept || emptyKeys != null && emptyKeys.contains(key);
    }

    DecodedFrame frame() {
        return new DecodedFrame(deviceId, sequence, channels, texts);
    }
}
