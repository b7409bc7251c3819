package io.fieldbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @TempDir
    Path etc;

    @Test
    void anExistingFileDecidesWhereThePidEndsWhenTheKeyHasDots() throws IOException {
        Files.write(etc.resolve("io.fieldbench.udp.cfg"), List.of());

        new ConfigFiles(etc).set("io.fieldbench.udp.bind.address=::1");

        assertEquals(List.of("bind.address = ::1"), Files.readAllLines(etc.resolve("io.fieldbench.udp.cfg")));
    }

    @Test
    void withoutAFileThePidEndsAtTheLastDot() throws IOException {
        new ConfigFiles(etc).set("io.fieldbench.probe.greeting=hi");

        assertEquals(List.of("greeting = hi"), Files.readAllLines(etc.resolve("io.fieldbench.probe.cfg")));
    }

    @Test
    void aNewSettingsFolderStartsWithTheShippedFilesAndKeepsItsOwn(@TempDir Path shipped) throws IOException {
        Files.writeString(shipped.resolve("io.fieldbench.udp.cfg"), "#port = 9999\n");
        Files.writeString(shipped.resolve("io.fieldbench.chat.cfg"), "#port = 8080\n");
        Path settings = etc.resolve("data/etc");
        Files.createDirectories(settings);
        Files.writeString(settings.resolve("io.fieldbench.udp.cfg"), "port = 7000\n");

        assertEquals(List.of(), new ConfigFiles(settings).seedFrom(shipped), "only comments: nothing of the user's");

        assertEquals("port = 7000\n", Files.readString(settings.resolve("io.fieldbench.udp.cfg")), "the user's file is kept");
        assertEquals("#port = 8080\n", Files.readString(settings.resolve("io.fieldbench.chat.cfg")), "a missing file is seeded");
    }

    @Test
    void settingsAnOlderBenchKeptInTheDistributionAreCopiedOnceAndNamed(@TempDir Path shipped) throws IOException {
        Files.writeString(shipped.resolve("io.fieldbench.udp.cfg"), "# the collector\nport = 7000\n");
        Files.writeString(shipped.resolve("io.fieldbench.chat.cfg"), "#port = 8080\n");
        Path settings = etc.resolve("data/etc");

        assertEquals(List.of("io.fieldbench.udp.cfg"), new ConfigFiles(settings).seedFrom(shipped));
        assertEquals(List.of(), new ConfigFiles(settings).seedFrom(shipped), "once");
        assertEquals("# the collector\nport = 7000\n", Files.readString(settings.resolve("io.fieldbench.udp.cfg")));
    }
}
