package io.fieldbench.udp.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/**
 * Text that no decoder took and that claims no format: a keep-alive ({@code heartbeat}) or a
 * message ({@code Michael}), as the Python tutorials' clients send, rather than a decode error.
 * Bytes invalid in the encoding, control characters (but tabs and a trailing line end) or nothing
 * but blanks are not plain text; nor is text that looks like fields ({@code =} or {@code :} in it)
 * or JSON ({@code {} or {@code [} first): a frame of a format no decoder reads stays an error, so
 * that an integrator sees it.
 */
final class PlainText {

    /** Longer texts are not taken as one message. */
    static final int MAX_CHARS = 1_024;

    private PlainText() {
    }

    private static boolean claimsAFormat(String text) {
        return text.indexOf('=') >= 0 || text.indexOf(':') >= 0 || text.charAt(0) == '{' || text.charAt(0) == '[';
    }

    /** The datagram as plain text, stripped, if it is. */
    static Optional<String> of(byte[] payload, Charset charset) {
        CharBuffer text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        String stripped = text.toString().strip();
        if (stripped.isEmpty() || stripped.length() > MAX_CHARS || claimsAFormat(stripped)) {
            return Optional.empty();
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return Optional.empty();
            }
        }
        return Optional.of(stripped);
    }
}
