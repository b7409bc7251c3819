package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CollectorSettingsTest {

    @Test
    void defaultsListenOnEveryIpv4InterfaceAtPort9999WithoutReplying() {
        CollectorSettings settings = TestConfig.settings(Map.of());

        assertTrue(settings.enabled());
        assertEquals("0.0.0.0", settings.bindAddress());
        assertEquals(9999, settings.port());
        assertEquals(32 * 1024 * 1024, settings.receiveBuffer());
        assertEquals("auto", settings.decoder());
        assertEquals(StandardCharsets.UTF_8, settings.charset());
        assertEquals(ReplyMode.NONE, settings.reply());
        assertEquals("Received:%s", settings.ackTemplate());
        assertEquals(List.of(), settings.problems());
    }

    @Test
    void acceptsTheChineseEncodingsByAnyOfTheirNames() {
        assertEquals(Charset.forName("GBK"), TestConfig.settings(Map.of("charset", "gbk")).charset());
        assertEquals(Charset.forName("GB18030"), TestConfig.settings(Map.of("charset", "GB18030")).charset());
        assertEquals(StandardCharsets.UTF_8, TestConfig.settings(Map.of("charset", "utf8")).charset());
    }

    @Test
    void replacesWhatItCannotUseAndSaysWhy() {
        CollectorSettings settings = TestConfig.settings(Map.of("charset", "EBCDIC", "reply", "shout",
                "receive.buffer", 10, "port", 70_000));

        assertEquals(StandardCharsets.UTF_8, settings.charset());
        assertEquals(ReplyMode.NONE, settings.reply());
        assertEquals(CollectorSettings.MIN_RECEIVE_BUFFER, settings.receiveBuffer());
        assertEquals(4, settings.problems().size(), settings.problems().toString());
        assertTrue(settings.problems().get(0).contains("70000"), settings.problems().toString());
    }

    @Test
    void onlyAddressPortAndBufferNeedANewSocket() {
        CollectorSettings base = TestConfig.settings(Map.of());

        assertTrue(base.sameSocket(TestConfig.settings(Map.of("reply", "echo", "decoder", "text", "charset", "GBK"))));
        assertFalse(base.sameSocket(TestConfig.settings(Map.of("port", 10_000))));
        assertFalse(base.sameSocket(TestConfig.settings(Map.of("bind.address", "::"))));
        assertFalse(base.sameSocket(TestConfig.settings(Map.of("receive.buffer", 1 << 20))));
    }
}
