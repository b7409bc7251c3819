package io.fieldbench.chat.internal;

import java.io.ByteArrayOutputStream;

/** Frames a message for sending, as the framing setting says: the counterpart of the decoders. */
final class Frames {

    private Frames() {
    }

    /**
     * The bytes to write for one message.
     *
     * @throws IllegalArgumentException when the message is too long for the length prefix
     */
    static byte[] encode(ChatSettings settings, byte[] message) {
        return switch (settings.framing()) {
            case RAW -> message;
            case LINE -> message.length > 0 && message[message.length - 1] == '\n' ? message : append(message, (byte) '\n');
            case LENGTH -> prefixed(message, settings.lengthPrefixBytes());
        };
    }

    private static byte[] append(byte[] message, byte last) {
        byte[] framed = java.util.Arrays.copyOf(message, message.length + 1);
        framed[message.length] = last;
        return framed;
    }

    private static byte[] prefixed(byte[] message, int prefixBytes) {
        if (prefixBytes == 2 && message.length > 0xFFFF) {
            throw new IllegalArgumentException(message.length + " bytes do not fit a 2-byte length prefix (at most 65535)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + prefixBytes);
        for (int shift = (prefixBytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write(message.length >>> shift);
        }
        out.writeBytes(message);
        return out.toByteArray();
    }
}
