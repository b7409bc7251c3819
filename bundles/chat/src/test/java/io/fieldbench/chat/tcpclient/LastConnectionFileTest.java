package io.fieldbench.chat.tcpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fieldbench.chat.internal.ChatConfig;
import io.fieldbench.chat.internal.Framing;

/** The TCP client's last connection on disk: kept across restarts, a damaged file refused with its reason. */
class LastConnectionFileTest {

    @TempDir
    Path data;

    private LastConnectionFile file() {
        return new LastConnectionFile(data.resolve(LastConnectionFile.FILE_NAME));
    }

    @Test
    void beforeAnyConnectionItIsTheLocalChatServer() throws Exception {
        assertEquals(LastConnection.FIRST, file().read());
        assertEquals(new LastConnection("127.0.0.1", 8080, Framing.RAW, "UTF-8"), LastConnection.FIRST);
        assertEquals(ChatConfig.class.getMethod("framing").getDefaultValue(), LastConnection.FIRST.framing().setting(),
                "the client first talks as the bench's own chat server does by default");
    }

    @Test
    void whatIsWrittenIsReadBackByTheNextStart() throws IOException {
        LastConnection device = new LastConnection("sensor-7.lab", 502, Framing.RAW, "GB18030");
        file().write(device);
        assertEquals(device, file().read(), "a new store, as after a restart");

        LastConnection next = new LastConnection("192.168.1.20", 4001, Framing.LINE, "GBK");
        file().write(next);
        assertEquals(next, file().read(), "the newest replaces the one before");
        assertFalse(Files.exists(data.resolve(LastConnectionFile.FILE_NAME + ".tmp")), "no temporary file left");
    }

    @Test
    void aDamagedFileIsRefusedSayingWhatIsWrong() throws IOException {
        Path path = data.resolve(LastConnectionFile.FILE_NAME);
        Files.writeString(path, "host=device\nport=99999\nframing=line\nencoding=UTF-8\n");
        assertEquals("port '99999' is not a number from 1 to 65535",
                assertThrows(IllegalArgumentException.class, () -> file().read()).getMessage());

        Files.writeString(path, "host=device\nport=23\nframing=slip\nencoding=UTF-8\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> file().read()).getMessage().startsWith("framing 'slip'"));

        Files.writeString(path, "host=device\nport=23\nframing=raw\nencoding=no such:charset\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> file().read()).getMessage().startsWith("encoding '"));

        Files.writeString(path, "port=23\n");
        assertEquals("host is missing", assertThrows(IllegalArgumentException.class, () -> file().read()).getMessage());

        Files.writeString(path, "host=\\u12\n");
        assertThrows(IllegalArgumentException.class, () -> file().read(), "a malformed escape");

        Files.write(path, new byte[] {0, (byte) 0xFF, 0x1F});
        assertThrows(IllegalArgumentException.class, () -> file().read(), "binary junk");
    }
}
