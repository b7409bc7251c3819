package io.fieldbench.decoder.json;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

import io.fieldbench.decoder.support.DatagramText;

/**
 * A datagram's bytes as the text of a JSON object, or nothing when they are no JSON object.
 * <p>
 * Whether it is JSON at all is decided on the raw bytes, before any decoding: the first byte that
 * is not whitespace (after an optional UTF-8 byte order mark) must be <code>{</code>. This holds
 * for every charset a device uses in practice (UTF-8, GBK, GB18030, Latin-1), which all write
 * ASCII as ASCII. Bytes that are invalid in the charset are an error naming the byte offset:
 * a JSON text is meant to be read exactly. A trailing C string terminator (NUL) is dropped.
 */
final class JsonPayload {

    private static final byte[] UTF8_BYTE_ORDER_MARK = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private JsonPayload() {
    }

    /**
     * The text of a datagram that starts like a JSON object.
     *
     * @return the text from the opening brace, without trailing NULs; empty when the bytes do not start with <code>{</code>
     * @throws IllegalArgumentException when the bytes are invalid in the charset
     */
    static Optional<String> read(ByteBuffer payload, Charset charset) {
        int start = payload.position();
        if (startsWith(payload, start, UTF8_BYTE_ORDER_MARK)) {
            start += UTF8_BYTE_ORDER_MARK.length;
        }
        while (start < payload.limit() && isWhitespace(payload.get(start))) {
            start++;
        }
        if (start == payload.limit() || payload.get(start) != '{') {
            return Optional.empty();
        }
        int end = payload.limit();
        while (end > start && payload.get(end - 1) == 0) {
            end--;
        }
        ByteBuffer bytes = payload.duplicate().position(start).limit(end);
        return Optional.of(DatagramText.decode(bytes, charset, CodingErrorAction.REPORT, payload.position()));
    }

    private static boolean startsWith(ByteBuffer payload, int start, byte[] prefix) {
        if (payload.limit() - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (payload.get(start + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
