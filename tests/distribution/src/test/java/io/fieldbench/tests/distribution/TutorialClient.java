package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client program of the classic Python socket tutorials (kept in {@code src/test/resources/tutorials}),
 * run with Debian's Python against the bench as its user would run it; gives what it printed.
 */
final class TutorialClient {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long DEADLINE_SECONDS = 60;

    private TutorialClient() {
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(PYTHON), "needs Debian's python3 (" + PYTHON + "); .ci/run installs it");
    }

    /** Debian's python3-websockets, which the WebSocket tutorial's client imports. */
    static void assumeWebsockets() throws IOException, InterruptedException {
        assumeInstalled();
        assumeTrue(imports(PYTHON, "websockets"), "needs Debian's python3-websockets; .ci/run installs it");
    }

    /** Whether this Python can import the module; false when there is no such Python. */
    static boolean imports(Path python, String module) throws InterruptedException {
        try {
            Process check = new ProcessBuilder(python.toString(), "-c", "import " + module).redirectErrorStream(true).start();
            check.getInputStream().readAllBytes();
            return check.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }

    /** Runs the script with these arguments; fails unless it ends well within the deadline. */
    static List<String> run(String script, String... arguments) throws IOException, InterruptedException {
        return start(script, arguments).get();
    }

    /** Starts the script with these arguments; {@link Running#get()} waits for what it printed. */
    static Running start(String script, String... arguments) throws IOException {
        assumeInstalled();
        Path file = Files.createTempFile("tutorial-", ".py");
        try (InputStream in = TutorialClient.class.getResourceAsStream("/tutorials/" + script)) {
            if (in == null) {
                throw new IllegalStateException("no tutorial client " + script);
            }
            Files.write(file, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
        command.addAll(List.of(arguments));
        return new Running(script, file, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** A tutorial client running. */
    record Running(String script, Path file, Process process) {

        /** Waits for the client to end; gives what it printed, or fails with it. */
        List<String> get() throws IOException, InterruptedException {
            try {
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new AssertionError(script + " failed: " + new String(output, StandardCharsets.UTF_8));
                }
                return new String(output, StandardCharsets.UTF_8).lines().toList();
            } finally {
                process.destroyForcibly();
                Files.deleteIfExists(file);
            }
        }
    }
}
