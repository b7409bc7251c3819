package io.fieldbench.tests.autobahn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The shipped distribution in its own process ({@code java -jar fieldbench.jar --headless}) with
 * only the image relay, listening on loopback in echo mode, under a pairing token written before
 * the start. Its console output and data stay in the work folder for a look after a failure.
 */
final class EchoModeBench implements AutoCloseable {

    private static final String PID = "io.fieldbench.imagerelay.";
    /** Any 32 hex digits: the relay takes the token file it finds instead of making one. */
    private static final String TOKEN = "a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5";
    private static final Duration START_DEADLINE = Duration.ofSeconds(30);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 100;

    private final Process process;
    private final int port;
    private final Path console;
    /** Stops the bench should this JVM end before {@link #close()}, so it never outlives the build. */
    private final Thread stopAtExit;

    private EchoModeBench(Process process, int port, Path console) {
        this.process = process;
        this.port = port;
        this.console = console;
        this.stopAtExit = new Thread(process::destroyForcibly, "stop-echo-bench");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Copies the built distribution into {@code work} (emptied first), starts it, and waits until the relay accepts connections. */
    static EchoModeBench start(Path distribution, Path work) throws IOException, InterruptedException {
        if (!Files.isRegularFile(distribution.resolve("fieldbench.jar"))) {
            throw new IllegalStateException("no distribution at " + distribution + ": build the launcher module first");
        }
        deleteRecursively(work);
        Path home = copy(distribution, work.resolve("fieldbench"));
        Path data = work.resolve("data");
        Files.createDirectories(data.resolve("imagerelay"));
        Files.writeString(data.resolve("imagerelay/token"), TOKEN);
        int port = freeLoopbackPort();
        Path console = work.resolve("console.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", home.resolve("fieldbench.jar").toString(), "--headless", "--data", data.toString(),
                "--features", "imagerelay", "--set", PID + "bind.address=127.0.0.1", "--set", PID + "port=" + port,
                "--set", PID + "echo=true");
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        EchoModeBench bench = new EchoModeBench(process, port, console);
        try {
            bench.awaitListening();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            bench.close();
            throw e;
        }
        return bench;
    }

    /** The WebSocket endpoint with the pairing token, as the phone page opens it. */
    String webSocketUrl() {
        return "ws://127.0.0.1:" + port + "/ws?t=" + TOKEN;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long end = System.nanoTime() + START_DEADLINE.toNanos();
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > end) {
                throw new IllegalStateException("the bench's image relay did not listen on 127.0.0.1:" + port + " within "
                        + START_DEADLINE.toSeconds() + " s; its console (" + console + "):\n" + Files.readString(console));
            }
            Thread.sleep(POLL_MILLIS); // a port in another process: nothing to wait on but time
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) POLL_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the bench as a service manager does (SIGTERM), forcibly if it does not end in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // this JVM is already ending: the hook runs anyway, harmlessly
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
