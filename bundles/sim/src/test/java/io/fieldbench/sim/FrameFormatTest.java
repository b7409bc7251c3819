package io.fieldbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FrameFormatTest {

    private static final Reading READING = new Reading("dev0001", 1, 17, 21.526, 40.12);

    private final ByteBuffer frame = ByteBuffer.allocate(512);

    @Test
    void textIsKeyValuePairs() {
        assertEquals("id=dev0001,seq=17,temp=21.53,hum=40.1", write(FrameFormat.TEXT, READING, 0));
    }

    @Test
    void jsonIsOneFlatObject() {
        assertEquals("{\"id\":\"dev0001\",\"seq\":17,\"temp\":21.53,\"hum\":40.1}", write(FrameFormat.JSON, READING, 0));
    }

    @Test
    void negativeAndSmallValuesKeepTheirDecimals() {
        String text = write(FrameFormat.TEXT, new Reading("dev0002", 2, 1, -0.05, 0.04), 0);

        assertEquals("id=dev0002,seq=1,temp=-0.05,hum=0.0", text);
    }

    @Test
    void binaryIsTheDocumentedBigEndianLayout() {
        FrameFormat.BINARY.write(new Reading("dev0300", 300, 0x1_0000_0005L, -12.34, 55.5), 0, frame);

        assertEquals(FrameFormat.BINARY_LENGTH, frame.remaining());
        ByteBuffer read = frame.duplicate().order(ByteOrder.BIG_ENDIAN);
        assertEquals(300, read.getInt(0));
        assertEquals(5, Integer.toUnsignedLong(read.getInt(4)), "a u32 sequence wraps at 2^32");
        assertEquals(-1234, read.getShort(8));
        assertEquals(555, Short.toUnsignedInt(read.getShort(10)));
    }

    @Test
    void paddingReachesTheMinimumSizeAndKeepsTheFormatReadable() {
        String text = write(FrameFormat.TEXT, READING, 100);
        String json = write(FrameFormat.JSON, READING, 100);
        FrameFormat.BINARY.write(READING, 100, frame);

        assertEquals(100, text.length());
        assertTrue(text.startsWith("id=dev0001,seq=17,temp=21.53,hum=40.1,pad=xxx"), text);
        assertEquals(100, json.length());
        assertTrue(json.matches("\\{.*,\"pad\":\"x+\"}"), json);
        assertEquals(100, frame.remaining());
    }

    @Test
    void formatsAreChosenByName() {
        assertEquals(FrameFormat.JSON, FrameFormat.named("JSON"));
        assertEquals("binary", FrameFormat.BINARY.label());
        assertThrows(IllegalArgumentException.class, () -> FrameFormat.named("xml"));
    }

    private String write(FrameFormat format, Reading reading, int minSize) {
        format.write(reading, minSize, frame);
        return StandardCharsets.US_ASCII.decode(frame).toString();
    }
}
