package io.fieldbench.tests.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The shipped distribution running in its own JVM, as a user starts it: by its start script
 * ({@code fieldbench ARGS}: its heap cap, its class data sharing archive), its console on a pipe.
 * The script execs the JVM, so the process is the bench's.
 */
final class BenchProcess implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(20);

    private final Process process;
    private final PrintWriter console;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> pumps;

    private BenchProcess(Process process) {
        this.process = process;
        this.console = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        pumps = List.of(
                pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), output::add),
                pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), errors::add));
    }

    static BenchProcess start(Path home, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("fieldbench").toString()));
        command.addAll(List.of(args));
        return run(command, home, environment);
    }

    /**
     * Runs the bench with this command: its start script, which execs the JVM, perhaps as another
     * user. The script finds {@code java} first where the JVM running the tests is.
     */
    static BenchProcess run(List<String> command, Path directory, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        environment.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            }
        });
        return new BenchProcess(builder.start());
    }

    private static Thread pump(BufferedReader reader, Consumer<String> sink) {
        Thread pump = new Thread(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null;) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
        return pump;
    }

    /** Types a line into the console. */
    void send(String line) {
        console.println(line);
    }

    /** Ends the console's input, as when a piped script ends. */
    void closeInput() {
        console.close();
    }

    /** Waits for an output line that matches, skipping others; fails at the deadline. */
    String awaitLine(Predicate<String> matching, String what) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        for (long left; (left = end - System.nanoTime()) > 0;) {
            String line = output.poll(left, TimeUnit.NANOSECONDS);
            if (line != null && matching.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no output line " + what + " within " + DEADLINE.toSeconds() + " s; stderr: " + errors);
    }

    /** Sends a command and waits for the line of its answer that matches, ignoring what earlier commands printed. */
    String ask(String command, Predicate<String> matching, String what) throws InterruptedException {
        output.clear();
        send(command);
        return awaitLine(matching, what);
    }

    /** Asks the server's status command until it says the server runs on loopback; gives the port. */
    int awaitListening(String statusCommand) throws InterruptedException {
        String headline = askUntil(statusCommand, line -> line.startsWith("running on 127.0.0.1:"), "running on loopback");
        return Integer.parseInt(headline.substring(headline.lastIndexOf(':') + 1));
    }

    /**
     * Repeats a command until a line of its answer matches (any line of it: a status may say what
     * is asked in its third line); for state that changes in the background.
     */
    String askUntil(String command, Predicate<String> matching, String what) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String answer = null;
        while (System.nanoTime() < end) {
            output.clear();
            send(command);
            long answered = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            for (long left; (left = answered - System.nanoTime()) > 0;) {
                String line = output.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    break;
                }
                answer = line;
                if (matching.test(line)) {
                    return line;
                }
            }
        }
        throw new AssertionError("'" + command + "' never answered " + what + " within " + DEADLINE.toSeconds()
                + " s; last answer: " + answer + "; stderr: " + errors);
    }

    /** Sends SIGTERM, as a service manager does; unlike Process.destroy() it leaves the output readable. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end, and for all it printed to be read; gives its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the bench did not exit within " + DEADLINE.toSeconds() + " s");
        }
        for (Thread pump : pumps) {
            pump.join(DEADLINE.toMillis());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The bench's JVM (started directly, or through a script that execs it). */
    long pid() {
        return process.pid();
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
}
