package io.fieldbench.decoder.json;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.fieldbench.api.decoder.DecodedFrame;

/**
 * The leaf values of one JSON object as they are read: the device id, the sequence number,
 * numbers as channels, strings and booleans as texts (an empty string too: in JSON it
 * is a value that was sent). One per datagram, never shared.
 * <p>
 * A flattened name given twice ({@code {"a":{"b":1},"a.b":2}}) is an error rather than "last one
 * wins". An empty string as the id or sequence is left out: the frame then names no device or
 * sequence, as in the text decoder.
 */
final class JsonFields {

    /** At most this many values in one datagram; an object with more is rejected, not truncated. */
    static final int MAX_FIELDS = 10_000;

    /** Flattened names longer than this are rejected: no channel name is that long. */
    static final int MAX_NAME_LENGTH = 256;

    private final JsonFormat format;
    private final Map<String, Double> channels = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private Optional<String> deviceId = Optional.empty();
    private OptionalLong sequence = OptionalLong.empty();

    JsonFields(JsonFormat format) {
        this.format = format;
    }

    /** A number, as its literal: {@code 21.5}, {@code -3e2}, {@code NaN}, {@code -Infinity}. */
    void number(String name, String literal, int position) {
        add(name, position);
        if (name.equals(format.sequenceKey())) {
            sequence = OptionalLong.of(whole(name, literal, position));
        } else if (name.equals(format.idKey())) {
            deviceId = Optional.of(literal);
        } else {
            channels.put(name, Double.parseDouble(literal));
        }
    }

    void text(String name, String value, int position) {
        add(name, position);
        if (value.isEmpty() && (name.equals(format.sequenceKey()) || name.equals(format.idKey()))) {
            return;
        }
        if (name.equals(format.sequenceKey())) {
            sequence = OptionalLong.of(whole(name, value, position));
        } else if (name.equals(format.idKey())) {
            deviceId = Optional.of(value);
        } else {
            texts.put(name, value);
        }
    }

    /** {@code true} or {@code false}. */
    void flag(String name, String literal, int position) {
        add(name, position);
        if (name.equals(format.idKey()) || name.equals(format.sequenceKey())) {
            throw new IllegalArgumentException(name + " at position " + position + " is " + literal
                    + ", not a string or a number");
        }
        texts.put(name, literal);
    }

    private void add(String name, int position) {
        if (names.size() == MAX_FIELDS) {
            throw new IllegalArgumentException("more than " + MAX_FIELDS + " values");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("the name '" + name.substring(0, 20) + "...' at position " + position
                    + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("'" + name + "' at position " + position + " appears twice");
        }
    }

    private static long whole(String name, String value, int position) {
        try {
            if (value.indexOf('.') < 0 && value.indexOf('e') < 0 && value.indexOf('E') < 0) {
                return Long.parseLong(value);
            }
        } catch (NumberFormatException notWhole) {
            // reported below with the value
        }
        throw new IllegalArgumentException("sequence " + name + " = " + value + " at position " + position
                + " is not a whole number");
    }

    DecodedFrame frame() {
        return new DecodedFrame(deviceId, sequence, channels, texts);
    }
}
