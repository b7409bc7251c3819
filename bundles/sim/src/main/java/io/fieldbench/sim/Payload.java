package io.fieldbench.sim;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;

/** A datagram's bytes from what a user types (text in an encoding, or hex), and back for display. */
public final class Payload {

    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat SPACED_HEX = HexFormat.ofDelimiter(" ");

    private Payload() {
    }

    /** The text's bytes in the encoding. */
    public static byte[] fromText(String text, Charset charset) {
        return text.getBytes(charset);
    }

    /**
     * Reads hex digits such as {@code 01 02 ff}, {@code 0102FF}, {@code 0x01 0x02} or {@code 01:02:ff}.
     *
     * @throws IllegalArgumentException naming the problem, for an odd count or a character that is no hex digit
     */
    public static byte[] fromHex(String text) {
        String digits = text.replaceAll("0[xX]", "").replaceAll("[\\s:,-]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("hex needs two digits per byte; '" + text.trim() + "' has an odd count");
        }
        try {
            return HEX.parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not hex (digits 0-9, a-f)");
        }
    }

    /** {@code 01 02 ff}. */
    public static String toHex(byte[] bytes) {
        return SPACED_HEX.formatHex(bytes);
    }

    /** The bytes as text when they are valid in the encoding, otherwise as hex. */
    public static String toDisplay(byte[] bytes, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                    ? toHex(bytes) : text;
        } catch (CharacterCodingException e) {
            return toHex(bytes);
        }
    }
}
