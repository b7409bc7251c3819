package io.fieldbench.tests.distribution;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The UDP benchmark's native baseline: {@code udp_receiver.c} (recvmmsg, the receive buffer asked
 * for, count and drop), compiled with the system's C compiler and run as a process of its own.
 */
final class NativeReceiver implements AutoCloseable {

    private static final String SOURCE = "udp_receiver.c";
    private static final List<String> COMPILERS = List.of("cc", "gcc");
    private static final String PORT_LINE = "port ";

    private final Process process;
    private final int port;
    private final AtomicLong received = new AtomicLong();

    private NativeReceiver(Process process) throws IOException {
        this.process = process;
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = output.readLine();
        if (first == null || !first.startsWith(PORT_LINE)) {
            throw new IOException("the C receiver did not start: " + first);
        }
        port = Integer.parseInt(first.substring(PORT_LINE.length()));
        Thread counts = new Thread(() -> {
            try (output) {
                for (String line; (line = output.readLine()) != null;) {
                    received.set(Long.parseLong(line));
                }
            } catch (IOException ended) {
                // the receiver was closed
            }
        }, "c-receiver-counts");
        counts.setDaemon(true);
        counts.start();
    }

    /**
     * Compiles the receiver into the folder; empty, with the reason printed, when no C compiler is
     * installed, so that the benchmark goes on without this baseline.
     */
    static Optional<Path> compile(Path folder) throws IOException, InterruptedException {
        Optional<String> compiler = COMPILERS.stream().filter(NativeReceiver::onPath).findFirst();
        if (compiler.isEmpty()) {
            System.out.println("No C compiler (cc or gcc): the C receiver baseline is skipped; install one with"
                    + " 'sudo apt install gcc'");
            return Optional.empty();
        }
        Path source = folder.resolve(SOURCE);
        try (InputStream in = NativeReceiver.class.getResourceAsStream(SOURCE)) {
            Files.copy(in, source);
        }
        Path binary = folder.resolve("udp_receiver");
        Process build = new ProcessBuilder(compiler.get(), "-O2", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String messages = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (build.waitFor() != 0) {
            throw new IOException(compiler.get() + " failed on " + SOURCE + ": " + messages);
        }
        return Optional.of(binary);
    }

    static NativeReceiver start(Path binary, int receiveBuffer) throws IOException {
        return new NativeReceiver(new ProcessBuilder(binary.toString(), Integer.toString(receiveBuffer))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    int port() {
        return port;
    }

    long received() {
        return received.get();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
