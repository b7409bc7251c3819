package io.fieldbench.decoder.text;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

import io.fieldbench.decoder.support.DatagramText;

/**
 * A datagram's bytes as a line of text, or nothing when the bytes are binary.
 * <p>
 * Bytes that are no text at all (control bytes other than tab, CR and LF) mean the datagram is
 * some binary format, so another decoder should have it. Bytes that are text but invalid in the
 * chosen charset are either an error naming the byte offset ({@link InvalidBytes#REJECT}: the
 * operator sees at once that the collector's encoding is wrong) or decoded with U+FFFD
 * ({@link InvalidBytes#REPLACE}: for firmware known to send the odd broken byte).
 * <p>
 * C firmware often sends the string's terminating NUL, and lines often end in CR LF: trailing NULs
 * and whitespace are dropped, as is a leading byte order mark.
 */
final class TextPayload {

    /** What to do with bytes that are invalid in the charset. */
    enum InvalidBytes {
        REJECT, REPLACE
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextPayload() {
    }

    /**
     * The text of a datagram.
     *
     * @return the text without trailing NULs and whitespace, or empty when the bytes are binary
     * @throws IllegalArgumentException when the bytes are invalid in the charset and the policy rejects them
     */
    static Optional<String> read(ByteBuffer payload, Charset charset, InvalidBytes policy) {
        CodingErrorAction action = policy == InvalidBytes.REPLACE ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        String text;
        try {
            text = DatagramText.decode(payload.duplicate(), charset, action, payload.position());
        } catch (IllegalArgumentException invalid) {
            if (hasControlBytes(payload)) {
                return Optional.empty();
            }
            throw invalid;
        }
        text = trim(text);
        return hasControlCharacters(text) ? Optional.empty() : Optional.of(text);
    }

    private static String trim(String text) {
        int start = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        int end = text.length();
        while (end > start && (text.charAt(end - 1) == '\0' || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return text.substring(start, end);
    }

    private static boolean hasControlBytes(ByteBuffer payload) {
        for (int i = payload.position(); i < payload.limit(); i++) {
            if (isControl((char) (payload.get(i) & 0xFF))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }
}
