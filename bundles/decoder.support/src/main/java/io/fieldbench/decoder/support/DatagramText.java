package io.fieldbench.decoder.support;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A datagram's bytes decoded whole in a device's charset. An invalid byte is an error that names
 * its offset and shows it, so that an operator sees at once that the collector's encoding is wrong
 * for the device, rather than a frame with a garbled name.
 * <p>
 * Devices mostly send ASCII, which every charset the collector offers reads as ASCII: such bytes
 * become the string at once, without a charset decoder (the decode thread's commonest work).
 */
public final class DatagramText {

    /** Invalid bytes shown in an error, enough to recognise an encoding. */
    private static final int SHOWN_BAD_BYTES = 4;
    private static final int ASCII_CHARACTERS = 128;
    /** Whether a charset reads every ASCII byte as that ASCII character, asked once per charset. */
    private static final Map<Charset, Boolean> READS_ASCII_AS_ASCII = new ConcurrentHashMap<>();

    private DatagramText() {
    }

    /**
     * The text of the remaining bytes.
     *
     * @param bytes     the bytes to decode; its position advances
     * @param charset   the device's charset
     * @param onInvalid {@link CodingErrorAction#REPORT} to reject invalid bytes, or
     *                  {@link CodingErrorAction#REPLACE} to decode them as U+FFFD
     * @param origin    the position of the datagram's first byte, from which the error counts the offset
     * @throws IllegalArgumentException when a byte is invalid in the charset and {@code onInvalid} reports it
     */
    public static String decode(ByteBuffer bytes, Charset charset, CodingErrorAction onInvalid, int origin) {
        if (READS_ASCII_AS_ASCII.computeIfAbsent(charset, DatagramText::readsAsciiAsAscii)) {
            int start = bytes.position();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            if (isAscii(copy)) {
                return new String(copy, StandardCharsets.ISO_8859_1);
            }
            bytes.position(start);
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(onInvalid).onUnmappableCharacter(onInvalid);
        CharBuffer chars = CharBuffer.allocate((int) (bytes.remaining() * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isUnderflow()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int offset = bytes.position() - origin;
            byte[] bad = new byte[Math.min(result.length(), SHOWN_BAD_BYTES)];
            bytes.get(bad);
            throw new IllegalArgumentException("invalid " + charset.name() + " at byte " + offset + " (0x"
                    + HexFormat.ofDelimiter(" 0x").withUpperCase().formatHex(bad) + ")");
        }
        if (result.isOverflow()) { // the charset broke its own maxCharsPerByte: never return half a datagram
            throw new IllegalStateException(charset.name() + " decoded more characters than it declares");
        }
        return chars.flip().toString();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readsAsciiAsAscii(Charset charset) {
        byte[] ascii = new byte[ASCII_CHARACTERS];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        try {
            CharBuffer read = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(ascii));
            return read.toString().equals(new String(ascii, StandardCharsets.ISO_8859_1));
        } catch (CharacterCodingException notAscii) {
            return false;
        }
    }
}
