package io.fieldbench.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void writesTheFileAndItsFolder() throws IOException {
        Path file = folder.resolve("new/state.txt");
        AtomicFiles.writeString(file, "ünï\n");
        assertEquals("ünï\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(1, count(file.getParent()), "no temporary file is left beside it");
    }

    @Test
    void aFailedWriteLeavesTheOldFileWholeAndNoTemporaryFile() throws IOException {
        Path file = folder.resolve("settings.properties");
        Properties old = new Properties();
        old.setProperty("port", "8080");
        AtomicFiles.store(file, old, "kept");
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        Properties read = new Properties();
        try (var in = Files.newInputStream(file)) {
            read.load(in);
        }
        assertEquals("8080", read.getProperty("port"));
        assertEquals(1, count(folder));
    }

    @Test
    void daemonThreadsCarryTheirName() throws InterruptedException {
        String[] seen = new String[1];
        Thread thread = DaemonThreads.start("fieldbench-test", () -> seen[0] = Thread.currentThread().getName());
        thread.join(10_000);
        assertEquals("fieldbench-test", seen[0]);
        assertEquals(true, DaemonThreads.named("x").newThread(() -> { }).isDaemon());
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
