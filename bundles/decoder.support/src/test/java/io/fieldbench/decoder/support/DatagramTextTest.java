package io.fieldbench.decoder.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
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
}
