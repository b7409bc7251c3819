package io.fieldbench.decoder.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DatagramTextTest {

    @Test
    void decodesTheWholeDatagram() {
        byte[] bytes = "t=21.5 ℃".getBytes(StandardCharsets.UTF_8);

        assertEquals("t=21.5 ℃", DatagramText.decode(ByteBuffer.wrap(bytes), StandardCharsets.UTF_8, CodingErrorAction.REPORT, 0));
    }

    @Test
    void anInvalidByteIsAnErrorNamingItsOffsetFromTheDatagramsStart() {
        ByteBuffer datagram = ByteBuffer.wrap(new byte[] { 'x', 'x', 'a', '=', (byte) 0xFF, 'b' });
        datagram.position(2);

        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> DatagramText.decode(datagram.duplicate(), StandardCharsets.UTF_8, CodingErrorAction.REPORT, 2));

        assertEquals("invalid UTF-8 at byte 2 (0xFF)", invalid.getMessage());
    }

    @Test
    void replacesInvalidBytesWhenAsked() {
        ByteBuffer datagram = ByteBuffer.wrap(new byte[] { 'a', '=', (byte) 0xFF });

        assertEquals("a=\uFFFD", DatagramText.decode(datagram, StandardCharsets.UTF_8, CodingErrorAction.REPLACE, 0));
    }

    @Test
    void readsAsciiFromThePositionToTheLimitAndMovesThePosition() {
        ByteBuffer datagram = ByteBuffer.wrap("xxid=7,t=1\0\0".getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
        datagram.position(2).limit(10);

        for (Charset charset : new Charset[] { StandardCharsets.UTF_8, Charset.forName("GBK"), Charset.forName("GB18030") }) {
            ByteBuffer bytes = datagram.duplicate();
            assertEquals("id=7,t=1", DatagramText.decode(bytes, charset, CodingErrorAction.REPORT, 2), charset.name());
            assertEquals(10, bytes.position(), charset.name());
        }
    }

    @Test
    void aCharsetThatReadsAsciiBytesOtherwiseStillDecodesThem() {
        ByteBuffer datagram = ByteBuffer.wrap("ab".getBytes(StandardCharsets.US_ASCII));

        assertEquals("\u6162", DatagramText.decode(datagram, StandardCharsets.UTF_16BE, CodingErrorAction.REPORT, 0));
    }
}
