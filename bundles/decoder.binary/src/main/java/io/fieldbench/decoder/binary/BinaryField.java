package io.fieldbench.decoder.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CharacterCodingException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One field of a binary layout: where it is in the frame and how its bytes become a value.
 *
 * @param name   the channel or text name
 * @param kind   how the bytes are read
 * @param size   how many bytes it takes
 * @param offset where it starts, counted from the frame's first byte
 * @param order  the byte order of a number
 * @param scale  what a number is multiplied by (1 for none)
 */
record BinaryField(String name, Kind kind, int size, int offset, ByteOrder order, double scale) {

    /** How a field's bytes are read. */
    enum Kind {
        /** u8, u16, u32, u64. */
        UNSIGNED("u"),
        /** i8, i16, i32, i64: two's complement. */
        SIGNED("i"),
        /** f32, f64: IEEE 754. */
        FLOAT("f"),
        /** strN: N bytes of text in the collector's encoding, up to the first NUL. */
        TEXT("str"),
        /** hexN: N bytes shown as hex digits, as IMEIs and MAC addresses are. */
        HEX("hex");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        boolean isNumber() {
            return this == UNSIGNED || this == SIGNED || this == FLOAT;
        }
    }

    /** The first byte after the field. */
    int end() {
        return offset + size;
    }

    /** As the layout syntax writes it, for messages: {@code temp:i16@6}. */
    String spec() {
        return name + ':' + kind.prefix + (kind.isNumber() ? size * Byte.SIZE : size) + '@' + offset;
    }

    /** Reads a number field as a channel value. */
    double number(ByteBuffer frame) {
        long bits = bits(frame);
        double value = switch (kind) {
            case UNSIGNED -> bits >= 0 ? bits : (double) (bits >>> 1) * 2 + (bits & 1);
            case SIGNED -> bits;
            case FLOAT -> size == Float.BYTES ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
            default -> throw new IllegalStateException(spec() + " is no number");
        };
        return scale == 1 ? value : value * scale;
    }

    /** Reads a whole-number field exactly, as an id or sequence number needs. */
    long whole(ByteBuffer frame) {
        if (kind != Kind.UNSIGNED && kind != Kind.SIGNED) {
            throw new IllegalStateException(spec() + " is no whole number");
        }
        return bits(frame);
    }

    /** Reads a field as text: a number's decimal digits, a text field's characters, a hex field's digits. */
    String text(ByteBuffer frame, Charset charset) {
        return switch (kind) {
            case UNSIGNED -> Long.toUnsignedString(bits(frame));
            case SIGNED -> Long.toString(bits(frame));
            case FLOAT -> Double.toString(number(frame));
            case TEXT -> characters(frame, charset);
            case HEX -> {
                byte[] bytes = new byte[size];
                frame.get(frame.position() + offset, bytes);
                yield HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
            }
        };
    }

    /** The field's bytes as an unsigned or sign-extended integer, or a float's bit pattern. */
    private long bits(ByteBuffer frame) {
        int start = frame.position() + offset;
        long bits = 0;
        for (int i = 0; i < size; i++) {
            int at = order == ByteOrder.BIG_ENDIAN ? start + i : start + size - 1 - i;
            bits = (bits << Byte.SIZE) | (frame.get(at) & 0xFF);
        }
        if (kind == Kind.SIGNED && size < Long.BYTES) {
            int unused = Long.SIZE - size * Byte.SIZE;
            bits = bits << unused >> unused;
        }
        return bits;
    }

    private String characters(ByteBuffer frame, Charset charset) {
        int start = frame.position() + offset;
        int length = 0;
        while (length < size && frame.get(start + length) != 0) {
            length++;
        }
        ByteBuffer bytes = frame.duplicate().position(start).limit(start + length);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(bytes).toString().stripTrailing();
        } catch (CharacterCodingException cannotHappen) { // REPLACE never reports
            throw new IllegalStateException(cannotHappen);
        }
    }
}
