package io.fieldbench.files.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A name as a client sent it, turned into the one spelling the shared folder checks: percent
 * escapes decoded again and again until nothing changes, and Unicode folded (NFKC) so that
 * full-width dots and slashes become the {@code .} and {@code /} they look like. Checking any
 * earlier spelling would let {@code %252e%252e%252f} or {@code ．．／} slip past a {@code ..} test.
 */
final class RequestedName {

    /** More rounds than any honest name needs; a name still changing after them is refused. */
    static final int MAX_DECODING_ROUNDS = 8;

    private RequestedName() {
    }

    /**
     * The canonical spelling of these bytes.
     *
     * @throws IllegalArgumentException with the reason, when the bytes are not UTF-8 or do not settle
     */
    static String canonical(byte[] raw) {
        String name = utf8(raw);
        for (int round = 0; round < MAX_DECODING_ROUNDS; round++) {
            String next = Normalizer.normalize(utf8(percentDecoded(name)), Normalizer.Form.NFKC);
            if (next.equals(name)) {
                return name;
            }
            name = next;
        }
        throw new IllegalArgumentException("still percent-encoded after " + MAX_DECODING_ROUNDS + " rounds of decoding");
    }

    /** The bytes of the name with every {@code %XX} replaced by its byte; a {@code %} not followed by two hex digits stays. */
    static byte[] percentDecoded(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int high;
            int low;
            if (bytes[i] == '%' && i + 2 < bytes.length && (high = hex(bytes[i + 1])) >= 0 && (low = hex(bytes[i + 2])) >= 0) {
                out.write(high << 4 | low);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) (b & 0xff), 16);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8");
        }
    }

    /**
     * The name for a log line or the console: quoted, every control or invisible character as an
     * escape, cut at a readable length, so a hostile name cannot forge log lines.
     */
    static String escaped(String name) {
        StringBuilder out = new StringBuilder("\"");
        int limit = Math.min(name.length(), ESCAPED_MAX_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.CONTROL || Character.isSurrogate(c) && !printableSurrogate(name, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (name.length() > limit) {
            out.append("... (").append(name.length()).append(" chars)");
        }
        return out.toString();
    }

    /** Names in logs and the console are cut here. */
    static final int ESCAPED_MAX_CHARS = 160;

    private static boolean printableSurrogate(String name, int i) {
        char c = name.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(name.charAt(i - 1));
    }

    /** Raw bytes as a name for a log line, when they are not even UTF-8. */
    static String escaped(byte[] raw) {
        return escaped(new String(raw, StandardCharsets.UTF_8));
    }
}
