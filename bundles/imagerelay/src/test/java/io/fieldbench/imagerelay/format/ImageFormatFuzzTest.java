package io.fieldbench.imagerelay.format;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes as an upload. They are an image of at least one pixel and at most the limit, or they
 * are refused with a one-line reason; nothing else comes out. The timeout catches a walk through
 * the structure that never ends (the fuzzer takes it as the limit for one input): a check takes
 * microseconds, so it says nothing about speed.
 */
@Timeout(10)
class ImageFormatFuzzTest {

    private static final long MAX_PIXELS = 64 * 64;

    @FuzzTest
    void anyBytesAreAnImageWithinTheLimitOrRefused(byte[] bytes) {
        try {
            ImageInfo info = ImageFormat.inspect(Unpooled.wrappedBuffer(bytes), MAX_PIXELS);
            assertTrue(info.width() > 0 && info.height() > 0 && info.pixels() <= MAX_PIXELS, () -> "accepted " + info);
        } catch (NotAnImageException refused) {
            String reason = refused.getMessage();
            assertFalse(reason.isBlank() || reason.contains("\n") || reason.contains("\r"), () -> "reason '" + reason + "'");
        }
    }
}
