package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The resource limits of a running bench's process, changed from outside with util-linux
 * {@code prlimit} as an administrator would: only the soft limit, so that raising it again needs no
 * privilege. Linux only; a test that needs it is skipped, saying why, where {@code prlimit} is missing.
 */
final class ProcessLimits {

    private final long pid;

    private ProcessLimits(long pid) {
        this.pid = pid;
    }

    /** The limits of the bench started with {@code --data data}: the test JVM's child with that argument. */
    static ProcessLimits ofBench(Path data) {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")) && run("prlimit", "--version") == 0,
                "needs Linux and util-linux prlimit to change a running bench's limits");
        String folder = data.toString();
        long pid = ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(List::of).orElse(List.of()).contains(folder))
                .findFirst().orElseThrow(() -> new AssertionError("no bench process with --data " + folder)).pid();
        return new ProcessLimits(pid);
    }

    /** Files the process has open now (sockets included). */
    long openFiles() throws IOException {
        try (Stream<Path> open = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return open.count();
        }
    }

    /** Sets how many files the process may have open ({@code ulimit -n}). */
    void limitOpenFiles(long files) {
        set("--nofile=" + files + ":");
    }

    /** Sets the largest size it may write a file to ({@code ulimit -f}); a write past it fails with EFBIG. */
    void limitFileSize(long bytes) {
        set("--fsize=" + bytes + ":");
    }

    /** Lifts the file size limit again. */
    void unlimitFileSize() {
        set("--fsize=unlimited:");
    }

    private void set(String limit) {
        int exit = run("prlimit", "--pid", Long.toString(pid), limit);
        if (exit != 0) {
            throw new AssertionError("prlimit " + limit + " on the bench failed with exit code " + exit);
        }
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(BenchProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1; // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
