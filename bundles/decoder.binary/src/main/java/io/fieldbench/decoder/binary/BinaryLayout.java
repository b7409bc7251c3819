package io.fieldbench.decoder.binary;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.fieldbench.api.decoder.DecodedFrame;

/**
 * A checked binary layout: the fields of a fixed frame, which one is the device id and which the
 * sequence number, and what marks a frame as this device's (a magic prefix, a fixed length).
 * Built once per configuration change by {@link LayoutParser}; immutable, so every collector
 * thread may use it at once.
 * <p>
 * A frame is this layout's when it starts with the magic (if one is set) and, without a magic,
 * when it has exactly {@code frame.length} bytes (if that is set). A frame that is this layout's
 * but broken is an error: with a magic, a length other than {@code frame.length}; always, a frame
 * too short for a field, naming the field.
 *
 * @param fields      the fields, in the order given; the id and sequence fields among them
 * @param idField     the field whose value names the device
 * @param sequence    the field whose value is the sequence number (a whole-number field)
 * @param frameLength the exact length of a frame, or 0 for any length that holds every field
 * @param magic       the bytes every frame starts with, or none
 */
record BinaryLayout(List<BinaryField> fields, Optional<BinaryField> idField, Optional<BinaryField> sequence,
        int frameLength, byte[] magic) {

    BinaryLayout {
        fields = List.copyOf(fields);
        magic = magic.clone();
    }

    /** The bytes a frame needs at least: the end of the field that ends last. */
    int length() {
        return fields.stream().mapToInt(BinaryField::end).max().orElse(0);
    }

    /**
     * Decodes one frame.
     *
     * @param charset the collector's encoding, for text fields
     * @return the frame, or empty when it is not this layout's (no magic, other length without a magic)
     * @throws IllegalArgumentException when it is this layout's but too short, or of the wrong length
     */
    Optional<DecodedFrame> decode(ByteBuffer frame, Charset charset) {
        int length = frame.remaining();
        if (!hasMagic(frame)) {
            return Optional.empty();
        }
        if (frameLength > 0 && length != frameLength && magic.length == 0) {
            return Optional.empty();
        }
        for (BinaryField field : fields) {
            if (field.end() > length) {
                throw new IllegalArgumentException("frame of " + length + " bytes is shorter than its layout of " + length()
                        + ": field " + field.spec() + " needs " + field.end());
            }
        }
        if (frameLength > 0 && length != frameLength) {
            throw new IllegalArgumentException("frame of " + length + " bytes starts with magic " + magicText()
                    + " but frame.length is " + frameLength);
        }
        Map<String, Double> channels = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (BinaryField field : fields) {
            if (isIdOrSequence(field)) {
                continue;
            }
            if (field.kind().isNumber()) {
                channels.put(field.name(), field.number(frame));
            } else {
                texts.put(field.name(), field.text(frame, charset));
            }
        }
        Optional<String> deviceId = idField.map(field -> field.text(frame, charset)).filter(id -> !id.isEmpty());
        return Optional.of(new DecodedFrame(deviceId, sequence(frame), channels, texts));
    }

    private OptionalLong sequence(ByteBuffer frame) {
        if (sequence.isEmpty()) {
            return OptionalLong.empty();
        }
        BinaryField field = sequence.get();
        long number = field.whole(frame);
        if (number < 0 && field.kind() == BinaryField.Kind.UNSIGNED) {
            throw new IllegalArgumentException("sequence " + field.spec() + " is " + Long.toUnsignedString(number)
                    + ", more than a sequence number can be");
        }
        return OptionalLong.of(number);
    }

    private boolean isIdOrSequence(BinaryField field) {
        return idField.filter(field::equals).isPresent() || sequence.filter(field::equals).isPresent();
    }

    private boolean hasMagic(ByteBuffer frame) {
        if (frame.remaining() < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (frame.get(frame.position() + i) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    String magicText() {
        return HexFormat.of().withUpperCase().formatHex(magic);
    }

    /** One line for the log: what the decoder now reads. */
    String describe() {
        return fields.size() + " fields in " + (frameLength > 0 ? frameLength + "-byte frames" : "frames of at least " + length()
                + " bytes") + (magic.length > 0 ? " starting with " + magicText() : "")
                + idField.map(field -> ", device id from " + field.name()).orElse("")
                + sequence.map(field -> ", sequence from " + field.name()).orElse("");
    }
}
