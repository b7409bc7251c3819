package io.fieldbench.chat.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ShownTextTest {

    @Test
    void textInEachEncodingReadsBack() {
        for (String name : new String[] {"UTF-8", "GBK", "GB18030"}) {
            Charset charset = Charset.forName(name);
            assertEquals("温度=21.5 ok", ShownText.text("温度=21.5 ok".getBytes(charset), charset), name);
        }
    }

    @Test
    void invalidBytesAreShownNotDropped() {
        byte[] gbk = "你好".getBytes(Charset.forName("GBK"));
        assertEquals("\\xC4\\xE3\\xBA\\xC3", ShownText.text(gbk, StandardCharsets.UTF_8));
        assertEquals("a\\xE4\\xBD", ShownText.text(new byte[] {'a', (byte) 0xE4, (byte) 0xBD}, StandardCharsets.UTF_8),
                "a sequence cut at the end");
        assertEquals("a\\x0D\\x0Ab", ShownText.text("a\r\nb".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void hexIsReadAsPeopleTypeIt() {
        assertArrayEquals(new byte[] {0x48, 0x69, (byte) 0xFF}, ShownText.parseHex("48 69 ff"));
        assertArrayEquals(new byte[] {0x48, 0x69, (byte) 0xFF}, ShownText.parseHex("0x48,0x69:FF"));
        assertArrayEquals(new byte[] {0x48, 0x69}, ShownText.parseHex("4869"));
        assertThrows(IllegalArgumentException.class, () -> ShownText.parseHex("486"));
        assertThrows(IllegalArgumentException.class, () -> ShownText.parseHex("zz"));
        assertEquals("48 69 FF", ShownText.hex(new byte[] {0x48, 0x69, (byte) 0xFF}));
    }
}
