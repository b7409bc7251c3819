package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private copy of the shipped distribution for each test, started headless as a user does
 * ({@code fieldbench --headless --data DIR ...}) and stopped after the test. Register it with
 * {@code @RegisterExtension}, or outside JUnit (a benchmark) take a {@link #prepared()} one and
 * close it; a test may change {@link #home()} ({@code deploy/}, {@code features/}) and the
 * settings ({@link #settingsFile}) before and while the bench runs.
 */
final class HeadlessBench implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    private Path folder;
    private Path home;
    private Path data;
    private BenchProcess process;
    private boolean keep;
    private final Map<String, String> environment = new HashMap<>();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** A fresh copy, ready to start, for use outside JUnit; {@link #close()} stops the bench and deletes the copy. */
    static HeadlessBench prepared() throws IOException {
        HeadlessBench bench = new HeadlessBench();
        bench.prepare();
        return bench;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        prepare();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (context.getExecutionException().isPresent()) {
            keep = true; // the bench's log and files, for whoever reads the failure
            System.err.println("the failed test's bench is kept in " + folder);
        }
        close();
    }

    private void prepare() throws IOException {
        folder = Files.createTempDirectory("fieldbench-test-");
        home = Distribution.copyTo(Files.createDirectory(folder.resolve("fieldbench")));
        data = folder.resolve("data");
    }

    /** Closes what the test opened along with the bench, stops the bench and deletes the copy. */
    @Override
    public void close() throws Exception {
        try {
            while (!resources.isEmpty()) {
                resources.pop().close();
            }
            stop();
        } finally {
            if (!keep) {
                ScratchFolder.delete(folder);
            }
        }
    }

    /** The distribution's folder, the working directory of the bench. */
    Path home() {
        return home;
    }

    /** The folder given with {@code --data}: log, layout, settings. */
    Path data() {
        return data;
    }

    /** Sets a variable of the bench's environment for the starts that follow (JDK_JAVA_OPTIONS: options of its JVM). */
    void environment(String name, String value) {
        environment.put(name, value);
    }

    /** The bench's settings file {@code <data>/etc/<pid>.cfg}, its folder created, for a test to write as a user would. */
    Path settingsFile(String pid) throws IOException {
        return Files.createDirectories(data.resolve("etc")).resolve(pid + ".cfg");
    }

    /**
     * Starts the bench with {@code --headless --data DATA} and the further arguments, and waits
     * until it announces the start. A bench this fixture started before is stopped first.
     */
    BenchProcess start(String... arguments) throws IOException, InterruptedException {
        stop();
        List<String> command = new ArrayList<>(List.of("--headless", "--data", data.toString()));
        command.addAll(List.of(arguments));
        process = BenchProcess.start(home, environment, command.toArray(String[]::new));
        process.awaitLine(line -> line.startsWith("Fieldbench started in"), "announcing the start");
        return process;
    }

    /**
     * Starts the bench with only this feature, whose server (settings {@code pid}) listens on
     * loopback at this port (0: any), with more of its settings {@code key=value}.
     */
    BenchProcess startServer(String feature, String pid, int port, String... settings) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--features", feature,
                // the port first: it creates <data>/etc/PID.cfg, which tells --set where dotted keys belong
                "--set", pid + ".port=" + port, "--set", pid + ".bind.address=127.0.0.1"));
        for (String setting : settings) {
            arguments.add("--set");
            arguments.add(pid + "." + setting);
        }
        return start(arguments.toArray(String[]::new));
    }

    /** Closes something the test opened along with the bench (a device socket) after the test, before the bench stops. */
    <T extends AutoCloseable> T closeAfter(T resource) {
        resources.push(resource);
        return resource;
    }

    private void stop() throws InterruptedException {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
