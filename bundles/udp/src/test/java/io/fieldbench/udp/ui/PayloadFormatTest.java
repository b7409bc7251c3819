package io.fieldbench.udp.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PayloadFormatTest {

    private static final PayloadFormat UTF8 = new PayloadFormat(false, StandardCharsets.UTF_8);
    private static final PayloadFormat HEX = new PayloadFormat(true, StandardCharsets.UTF_8);

    @Test
    void showsTextWithItsControlCharactersVisible() {
        assertEquals("t=21.5↵rh=40·", UTF8.render("t=21.5\nrh=40\0".getBytes(StandardCharsets.UTF_8), 13));
    }

    @Test
    void showsTextInTheChosenEncoding() {
        Charset gbk = Charset.forName("GBK");
        byte[] bytes = "温度=21.5".getBytes(gbk);

        assertEquals("温度=21.5", new PayloadFormat(false, gbk).render(bytes, bytes.length));
    }

    @Test
    void showsHexAndMarksACutDatagram() {
        assertEquals("00 7F FF", HEX.render(new byte[] {0, 0x7F, (byte) 0xFF}, 3));
        assertEquals("41 42 …", HEX.render(new byte[] {'A', 'B'}, 3_000));
        assertEquals("", HEX.render(new byte[0], 0));
    }
}
