package io.fieldbench.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PayloadTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void readsHexInTheUsualSpellings() {
        byte[] expected = {1, 2, (byte) 0xFF};

        assertArrayEquals(expected, Payload.fromHex("01 02 ff"));
        assertArrayEquals(expected, Payload.fromHex("0102FF"));
        assertArrayEquals(expected, Payload.fromHex("0x01 0x02 0xff"));
        assertArrayEquals(expected, Payload.fromHex("01:02:ff"));
    }

    @Test
    void refusesBrokenHex() {
        assertThrows(IllegalArgumentException.class, () -> Payload.fromHex("012"));
        assertThrows(IllegalArgumentException.class, () -> Payload.fromHex("zz"));
    }

    @Test
    void textTakesTheChosenEncoding() {
        assertArrayEquals(new byte[] {(byte) 0xCE, (byte) 0xC2}, Payload.fromText("温", GBK));
        assertEquals("温度", Payload.toDisplay("温度".getBytes(GBK), GBK));
    }

    @Test
    void bytesThatAreNoTextShowAsHex() {
        assertEquals("ff fe 00", Payload.toDisplay(new byte[] {(byte) 0xFF, (byte) 0xFE, 0}, StandardCharsets.UTF_8));
        assertEquals("00 01", Payload.toDisplay(new byte[] {0, 1}, StandardCharsets.UTF_8));
    }
}
