package io.fieldbench.chat.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Bytes as a person reads them: text in the chosen encoding where the bytes are valid, every other
 * byte as {@code \xNN} (never dropped, never a replacement character), control characters too, so
 * a message is one line; or hex.
 */
public final class ShownText {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private ShownText() {
    }

    /** The bytes as text; bytes the encoding cannot read, and control characters, as {@code \xNN}. */
    public static String text(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 4);
        StringBuilder shown = new StringBuilder(bytes.length + 16);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            drain(out, shown);
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    escape(in.get(), shown);
                }
                decoder.reset();
            } else if (result.isUnderflow()) {
                if (in.hasRemaining()) { // an incomplete sequence at the end
                    while (in.hasRemaining()) {
                        escape(in.get(), shown);
                    }
                }
                decoder.flush(out);
                drain(out, shown);
                return shown.toString();
            }
        }
    }

    /** A message as shown, followed by why it is incomplete, if it is. */
    public static String withNote(String shown, String note) {
        return note.isEmpty() ? shown : shown + "  [" + note + "]";
    }

    /** The bytes as hex pairs: {@code 48 69 0A}. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * Hex typed by a person: pairs with or without spaces, colons, commas or {@code 0x}.
     *
     * @throws IllegalArgumentException naming what is not hex
     */
    public static byte[] parseHex(String typed) {
        String digits = typed.replaceAll("(?i)0x", "").replaceAll("[\\s:,\\-]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("'" + typed + "' has an odd number of hex digits");
        }
        try {
            return HexFormat.of().parseHex(digits.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + typed + "' is not hex: use pairs such as 48 65 6C 6C 6F");
        }
    }

    private static void drain(CharBuffer out, StringBuilder shown) {
        out.flip();
        while (out.hasRemaining()) {
            char c = out.get();
            if (c < 0x20 || c == 0x7F) {
                escape((byte) c, shown);
            } else {
                shown.append(c);
            }
        }
        out.clear();
    }

    private static void escape(byte b, StringBuilder shown) {
        shown.append("\\x").append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }
}
