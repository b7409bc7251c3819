package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad start-up input gets one clear line on stderr and exit code 2, and nothing starts. */
class StartupErrorsTest {

    private static final int EXIT_BAD_INPUT = 2;

    @TempDir
    Path temporary;

    private Path home;

    @BeforeEach
    void copyDistribution() throws IOException {
        home = Distribution.copyTo(Files.createDirectory(temporary.resolve("fieldbench")));
    }

    @Test
    void unknownFeature() throws Exception {
        assertOneLineError(Map.of(), "unknown feature 'nope'", "--headless", "--features", "core,nope", "--data", data());
    }

    @Test
    void unknownOption() throws Exception {
        assertOneLineError(Map.of(), "unknown option '--colour'", "--colour");
    }

    @Test
    void dataDirectoryThatCannotBeWritten() throws Exception {
        Path file = Files.writeString(temporary.resolve("a-file"), "not a folder");

        assertOneLineError(Map.of(), "cannot write the data directory", "--headless", "--data", file.resolve("data").toString());
    }

    @Test
    void unreadableConfiguration() throws Exception {
        Files.writeString(Files.createDirectories(temporary.resolve("data/etc")).resolve("broken.cfg"), "key = \\u12\n");

        assertOneLineError(Map.of(), "cannot read the configuration", "--headless", "--data", data());
    }

    @Test
    void noDisplayWithoutHeadless() throws Exception {
        assertOneLineError(Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""), "use --headless, or set DISPLAY", "--data", data());
    }

    @Test
    void displayThatCannotBeOpened() throws Exception {
        // a display number no X server here serves: the client tries its local socket only
        assertOneLineError(Map.of("DISPLAY", ":4711", "WAYLAND_DISPLAY", ""), "cannot open the display", "--data", data());
    }

    private String data() {
        return temporary.resolve("data").toString();
    }

    private void assertOneLineError(Map<String, String> environment, String expected, String... args) throws Exception {
        try (BenchProcess bench = BenchProcess.start(home, environment, args)) {
            assertEquals(EXIT_BAD_INPUT, bench.awaitExit());
            List<String> errors = bench.errors();
            assertEquals(1, errors.size(), "one line, not a stack trace: " + errors);
            assertTrue(errors.get(0).startsWith("fieldbench: ") && errors.get(0).contains(expected), errors.get(0));
        }
    }
}
