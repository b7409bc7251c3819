package io.fieldbench.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path etc;

    @Test
    void replacesAndRemovesKeysAndKeepsCommentsAndOtherKeys() throws IOException {
        Path file = etc.resolve("io.fieldbench.udp.cfg");
        Files.write(file, List.of("# the collector", "port = 9999", "bind.address: 0.0.0.0", "reply = none"));

        ConfigFile.update(file, Map.of("port", "7000", "rate", "5"), Set.of("reply"));

        assertEquals(List.of("# the collector", "port = 7000", "bind.address: 0.0.0.0", "rate = 5"), Files.readAllLines(file));
    }

    @Test
    void createsTheFileAndItsFolder() throws IOException {
        Path file = etc.resolve("new/io.fieldbench.probe.cfg");

        ConfigFile.update(file, Map.of("greeting", "hi"), Set.of());

        assertEquals(List.of("greeting = hi"), Files.readAllLines(file));
        assertEquals(List.of(file), Files.list(file.getParent()).toList());
    }
}
