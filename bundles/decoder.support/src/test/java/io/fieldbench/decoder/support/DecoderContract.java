package io.fieldbench.decoder.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.api.decoder.Decoder;

/**
 * What a decoder promises for any bytes at all, as the fuzz tests check it: it answers a frame,
 * nothing, or an {@link IllegalArgumentException} of its own (a subclass such as
 * {@code NumberFormatException} is a library's message leaking out, not a reason); the same bytes
 * give the same answer; and every position a reason names lies within the datagram.
 */
public final class DecoderContract {

    /** The charsets the collector offers, which every decoder must survive. */
    public static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, Charset.forName("GBK"),
            Charset.forName("GB18030"), StandardCharsets.ISO_8859_1);

    private static final Pattern POSITION = Pattern.compile("at (?:byte|character|position) (\\d+)");

    private DecoderContract() {
    }

    /**
     * Checks the promises for one fuzz input: its first byte picks the charset (bits 0 and 1) and
     * whether a stray byte precedes the datagram in the buffer (bit 2; bits 3 to 7 are left to the
     * test, for its settings); the datagram is the rest.
     */
    public static void holds(Decoder decoder, byte[] input) {
        if (input.length > 0) {
            holds(decoder, input, 1 + (input[0] >> 2 & 1), CHARSETS.get(input[0] & 3));
        }
    }

    /**
     * Decodes the datagram {@code bytes[offset..]} twice, as the collector hands it over (read-only,
     * its position at the first byte, which error positions count from), and checks the promises.
     */
    public static void holds(Decoder decoder, byte[] bytes, int offset, Charset charset) {
        if (offset > bytes.length) {
            return;
        }
        Object first = answer(decoder, bytes, offset, charset);
        assertEquals(first, answer(decoder, bytes, offset, charset), "the same bytes decoded again");
    }

    /** The frame or nothing, or the reason of the refusal. */
    private static Object answer(Decoder decoder, byte[] bytes, int offset, Charset charset) {
        ByteBuffer payload = ByteBuffer.wrap(bytes, offset, bytes.length - offset).asReadOnlyBuffer();
        try {
            Optional<DecodedFrame> frame = decoder.decode(payload, charset);
            assertNotNull(frame, "null instead of a frame or nothing");
            return frame;
        } catch (IllegalArgumentException refused) {
            assertEquals(IllegalArgumentException.class, refused.getClass(), () -> "not the decoder's own refusal: " + refused);
            String reason = refused.getMessage();
            assertFalse(reason == null || reason.isBlank(), "a refusal without a reason");
            Matcher position = POSITION.matcher(reason);
            while (position.find()) {
                long at = Long.parseLong(position.group(1));
                assertTrue(at <= bytes.length - offset, () -> "'" + reason + "' names a position beyond the "
                        + (bytes.length - offset) + "-byte datagram");
            }
            return reason;
        }
    }
}
