package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench with its window, as {@code ./fieldbench} starts it on a desktop (here under Xvfb). */
class WindowBenchTest {

    @TempDir
    Path temporary;

    @Test
    void opensTheWindowWithModulesAndLogDockedAndSavesTheLayout() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (CI runs the tests under Xvfb)");
        Path home = Distribution.copyTo(Files.createDirectory(temporary.resolve("fieldbench")));
        Path data = temporary.resolve("data");

        try (BenchProcess bench = BenchProcess.start(home, Map.of(), "--data", data.toString())) {
            String started = bench.awaitLine(line -> line.startsWith("Fieldbench started in"), "announcing the start");
            bench.askUntil("fb:features", line -> line.startsWith("FEATURE"), "its feature table");
            String shell = bench.awaitLine(line -> line.startsWith("shell "), "listing the shell feature");
            Path layout = data.resolve("layout.xml");
            Poll.until(() -> Files.exists(layout) && docksModulesAndLog(Files.readString(layout)), "the layout saved with Modules and Log docked");
            Path log = data.resolve("log/fieldbench.log");
            // the start-up benchmark times the window by this line
            Poll.until(() -> Files.exists(log) && Files.readString(log).contains("Workbench window open"), "the window's opening logged");
            bench.send("fb:shutdown");
            bench.awaitLine("Fieldbench stopped"::equals, "confirming that every bundle stopped");

            assertTrue(started.contains("(window"), started);
            assertTrue(shell.contains("enabled") && shell.contains("1/1"), shell);
            assertEquals(0, bench.awaitExit());
            assertTrue(docksModulesAndLog(Files.readString(layout)), "the layout saved at shutdown keeps Modules and Log");
        }
    }

    private static boolean docksModulesAndLog(String layout) {
        return layout.contains("\"modules\"") && layout.contains("\"log\"");
    }
}
