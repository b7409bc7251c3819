package io.fieldbench.imagerelay.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFormatTest {

    private static final long MAX_PIXELS = 100_000_000;
    private static final int SEVEN_MB = 7_000_000;

    static Stream<Arguments> images() {
        return Stream.of(
                Arguments.of("jpg", TestImages.picture("jpg", 64, 48), new ImageInfo("image/jpeg", "jpg", 64, 48)),
                Arguments.of("png", TestImages.picture("png", 64, 48), new ImageInfo("image/png", "png", 64, 48)),
                Arguments.of("gif", TestImages.picture("gif", 64, 48), new ImageInfo("image/gif", "gif", 64, 48)),
                Arguments.of("bmp", TestImages.picture("bmp", 64, 48), new ImageInfo("image/bmp", "bmp", 64, 48)),
                Arguments.of("VP8", TestImages.webpVp8(640, 480), new ImageInfo("image/webp", "webp", 640, 480)),
                Arguments.of("VP8L", TestImages.webpVp8l(16383, 3), new ImageInfo("image/webp", "webp", 16383, 3)),
                Arguments.of("VP8X", TestImages.webpVp8x(70000, 2), new ImageInfo("image/webp", "webp", 70000, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void readsTypeAndSizeFromTheHeader(String format, byte[] bytes, ImageInfo expected) throws NotAnImageException {
        assertEquals(expected, TestImages.inspect(bytes, MAX_PIXELS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void refusesEveryTruncatedCopy(String format, byte[] bytes, ImageInfo expected) {
        for (int length : new int[] { bytes.length - 1, bytes.length * 3 / 4, bytes.length / 2, 20 }) {
            String reason = refusal(Arrays.copyOf(bytes, length));
            assertTrue(reason.startsWith("truncated "), format + " cut to " + length + ": " + reason);
            assertTrue(reason.endsWith("; send the whole file again"), reason);
        }
    }

    @Test
    void passesASevenMegabytePhotoAndRefusesItCutShort() throws NotAnImageException {
        byte[] photo = TestImages.noiseJpeg(3200, 2400, 7);
        assertTrue(photo.length > SEVEN_MB, "the test photo has " + photo.length + " bytes");

        assertEquals(new ImageInfo("image/jpeg", "jpg", 3200, 2400), TestImages.inspect(photo, MAX_PIXELS));
        assertEquals("truncated JPEG: the file stops after 6000000 bytes, before its end-of-image marker (FF D9);"
                + " send the whole file again", refusal(Arrays.copyOf(photo, 6_000_000)));
    }

    @Test
    void takesAJpegWithDataAfterItsEndAsPhonesWriteThem() throws NotAnImageException {
        byte[] jpeg = TestImages.picture("jpg", 30, 20);
        byte[] motionPhoto = Arrays.copyOf(jpeg, jpeg.length + 1000);
        Arrays.fill(motionPhoto, jpeg.length, motionPhoto.length, (byte) 0x42);

        assertEquals(new ImageInfo("image/jpeg", "jpg", 30, 20), TestImages.inspect(motionPhoto, MAX_PIXELS));
    }

    @Test
    void refusesAJpegWhoseSegmentRunsPastTheEnd() {
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x7F, (byte) 0xFF, 'J', 'F', 'I', 'F',
                (byte) 0xFF, (byte) 0xD9 };

        assertTrue(refusal(jpeg).startsWith("truncated JPEG: the file stops after 12 bytes"), refusal(jpeg));
    }

    @Test
    void refusesAJpegWithoutAFrameHeader() {
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 };

        assertEquals("broken JPEG: it ends before its frame header (SOF); send the original file", refusal(jpeg));
    }

    @Test
    void refusesADecompressionBombOnItsHeader() {
        assertEquals("50000 × 50000 pixels is more than the 100000000 allowed: send a smaller image,"
                + " or raise max.pixels in the image relay settings", refusal(TestImages.pngHeader(50_000, 50_000)));
    }

    @Test
    void takesAnImageOfExactlyTheAllowedPixels() throws NotAnImageException {
        assertEquals(64 * 48, TestImages.inspect(TestImages.picture("png", 64, 48), 64 * 48).pixels());
        assertTrue(refusal(TestImages.picture("png", 64, 48), 64 * 48 - 1).startsWith("64 × 48 pixels is more"));
    }

    @Test
    void refusesAnImageWithoutPixels() {
        assertEquals("broken PNG: it says 0 × 5 pixels; an image has at least one pixel each way;"
                + " send the original file", refusal(TestImages.pngHeader(0, 5)));
        assertEquals("broken PNG: it has no image data (IDAT); send the original file",
                refusal(TestImages.pngHeader(5, 5)));
    }

    @Test
    void refusesAPngWhoseHeaderChecksumIsWrong() {
        byte[] png = TestImages.picture("png", 10, 10);
        png[16 + 3] ^= 1; // the width changes, the CRC does not

        assertEquals("broken PNG: the checksum (CRC) of its IHDR header is wrong; send the original file",
                refusal(png));
    }

    @Test
    void readsABmpStoredTopDown() throws NotAnImageException {
        byte[] bmp = TestImages.picture("bmp", 64, 48);
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(22, -48);

        assertEquals(new ImageInfo("image/bmp", "bmp", 64, 48), TestImages.inspect(bmp, MAX_PIXELS));
    }

    @Test
    void refusesABmpWhosePixelRowsAreMissingThoughItsSizeFieldIsZero() {
        byte[] bmp = Arrays.copyOf(TestImages.picture("bmp", 64, 48), 1000);
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(2, 0);

        assertTrue(refusal(bmp).startsWith("truncated BMP"), refusal(bmp));
    }

    @Test
    void refusesAWebpLongerThanItsRiffHeaderSays() {
        byte[] webp = Arrays.copyOf(TestImages.webpVp8(8, 8), TestImages.webpVp8(8, 8).length + 2);

        assertEquals("broken WebP: its RIFF header gives 30 bytes, but 32 came; send the original file",
                refusal(webp));
    }

    @Test
    void namesWhatANonImageProbablyIs() {
        assertEquals("not an image: the bytes start with 25 50 44 46 (PDF?); send JPEG, PNG, GIF, WebP or BMP",
                refusal("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("not an image: the bytes start with 68 65 6C 6C (text?); send JPEG, PNG, GIF, WebP or BMP",
                refusal("hello, this is not a picture\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("not an image: no bytes came; send JPEG, PNG, GIF, WebP or BMP", refusal(new byte[0]));
        assertEquals("not an image: only 3 bytes came: 00 01 FE; send JPEG, PNG, GIF, WebP or BMP",
                refusal(new byte[] { 0, 1, (byte) 0xFE }));
        byte[] heic = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0 };
        assertTrue(refusal(heic).contains("(HEIC? set the phone's camera to its most compatible format)"),
                refusal(heic));
    }

    @ParameterizedTest
    @ValueSource(strings = { "GIF89a", "\u0089PNG\r\n\u001a\n", "RIFF\u0000\u0000\u0000\u0000WEBP", "BM", "\u00ff\u00d8\u00ff" })
    void refusesAMagicNumberWithNothingAfterItInOneLine(String magic) {
        String reason = refusal(magic.getBytes(StandardCharsets.ISO_8859_1));

        assertTrue(reason.startsWith("truncated ") || reason.startsWith("broken "), reason);
        assertFalse(reason.contains("\n"), reason);
    }

    @Test
    void refusesGarbageAfterAValidGifHeaderInOneLine() {
        byte[] gif = Arrays.copyOf(TestImages.picture("gif", 8, 8), 200);
        Arrays.fill(gif, 13, 200, (byte) 0x99);
        // a global colour table may cover the garbage, so only the kind of refusal is fixed
        String reason = refusal(gif);

        assertTrue(reason.startsWith("broken GIF") || reason.startsWith("truncated GIF"), reason);
    }

    private static String refusal(byte[] bytes) {
        return refusal(bytes, MAX_PIXELS);
    }

    private static String refusal(byte[] bytes, long maxPixels) {
        String reason = assertThrows(NotAnImageException.class, () -> TestImages.inspect(bytes, maxPixels)).getMessage();
        assertFalse(reason.contains("\n"), "one line: " + reason);
        return reason;
    }
}
