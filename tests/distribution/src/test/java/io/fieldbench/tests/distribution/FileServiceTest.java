package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file service of the shipped bench on loopback, as a device uses it: a plain socket sends a
 * name and reads until the server closes. Files arrive byte-identical, one at a time and many at
 * once; every spelling of a way out of the shared folder gets nothing and is listed by
 * {@code files:refusals}; stop frees the port and start takes it again.
 */
class FileServiceTest {

    private static final String PID = "io.fieldbench.files";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    private static final int CONCURRENT_CLIENTS = 50;
    private static final String PARENT = "parent directory (..)";
    private static final String ABSOLUTE = "absolute path";

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    @TempDir
    Path root;

    private Path shared;
    private BenchProcess bench;

    @BeforeEach
    void folders() throws IOException {
        shared = Files.createDirectory(root.resolve("shared"));
        Files.writeString(root.resolve("secret.txt"), "must never be sent");
    }

    /** Starts the bench with only the file service, on loopback at this port (0: any), sharing {@link #shared}. */
    private void startFiles(int port, String... settings) throws IOException, InterruptedException {
        String[] all = Stream.concat(Stream.of("shared.folder=" + shared), Stream.of(settings)).toArray(String[]::new);
        bench = headless.startServer("files", PID, port, all);
    }

    private int awaitListening() throws InterruptedException {
        return bench.awaitListening("files:status");
    }

    /** One line of {@code files:status}, the one that starts with this word. */
    private String statusLine(String prefix) throws InterruptedException {
        return bench.ask("files:status", line -> line.startsWith(prefix), "the status line " + prefix);
    }

    /** Connects, sends these bytes, reads everything until the server closes. */
    private static byte[] request(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(LOOPBACK, port), SOCKET_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(received);
            }
            return received.toByteArray();
        }
    }

    private static byte[] download(int port, String line) throws IOException {
        return request(port, line.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts that the service refuses the request as it does by default: nothing sent, the connection reset. */
    private static void assertRefused(int port, byte[] request, String what) {
        SocketException reset = assertThrows(SocketException.class, () -> request(port, request), what + " was not refused");
        assertTrue(reset.getMessage().contains("reset"), what + ": " + reset.getMessage());
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    @Test
    void filesDownloadByteIdenticalWithOrWithoutANewline() throws Exception {
        byte[] big = random(6 * 1024 * 1024 + 123, 1);
        Files.write(shared.resolve("big.bin"), big);
        Files.writeString(shared.resolve("hello.txt"), "hello\n");
        Files.createDirectory(shared.resolve("logs"));
        Files.writeString(shared.resolve("logs/温度.csv"), "t,21.5\n");
        startFiles(0);
        int port = awaitListening();

        assertArrayEquals(big, download(port, "big.bin\n"));
        assertArrayEquals(big, download(port, "big.bin"), "a name without newline ends with its segment");
        assertEquals("hello\n", new String(download(port, "hello.txt\r\n"), StandardCharsets.UTF_8));
        assertEquals("t,21.5\n", new String(download(port, "logs/温度.csv\n"), StandardCharsets.UTF_8));

        String[] transfers = { "" };
        try {
            Poll.until(() -> (transfers[0] = statusLine("transfers:")).startsWith("transfers: 0 in progress; 4 served"), "four files served");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last: " + transfers[0], e);
        }
        assertEquals("folder:    " + shared + " (3 files)", statusLine("folder:"));
    }

    @Test
    void everySpellingOfAWayOutIsRefusedAndListed() throws Exception {
        Files.writeString(shared.resolve("hello.txt"), "hello");
        Files.createFile(shared.resolve("empty.txt"));
        List<String[]> attempts = List.of(
                new String[] {"../secret.txt", PARENT},
                new String[] {"..\\secret.txt", PARENT},
                new String[] {"%2e%2e%2fsecret.txt", PARENT},
                new String[] {"%2E%2E/secret.txt", PARENT},
                new String[] {"%252e%252e%252fsecret.txt", PARENT},
                new String[] {"．．／secret.txt", PARENT},
                new String[] {"..%2F..%5csecret.txt", PARENT},
                new String[] {"logs/../../secret.txt", PARENT},
                new String[] {"/etc/passwd", ABSOLUTE},
                new String[] {"C:\\Windows\\win.ini", ABSOLUTE},
                new String[] {"\\\\server\\share\\x", ABSOLUTE},
                new String[] {root.resolve("secret.txt").toString(), ABSOLUTE},
                new String[] {"hello.txt%00.png", "contains a NUL byte"},
                new String[] {"nothing.txt", "no such file"});
        startFiles(0);
        int port = awaitListening();

        for (String[] attempt : attempts) {
            assertRefused(port, (attempt[0] + "\n").getBytes(StandardCharsets.UTF_8), attempt[0]);
        }
        assertRefused(port, "hello.txt\0.png\n".getBytes(StandardCharsets.UTF_8), "a raw NUL byte");
        assertEquals("hello", new String(download(port, "hello.txt\n"), StandardCharsets.UTF_8), "the service still serves");
        assertEquals(0, download(port, "empty.txt\n").length, "an empty file ends normally, unlike a refusal");

        int refused = attempts.size() + 1;
        Poll.until(() -> statusLine("refused:").equals("refused:   " + refused), refused + " refusals counted");
        bench.send("files:refusals");
        for (String[] attempt : attempts) {
            String shown = "\"" + attempt[0].replace("\\", "\\\\") + "\": " + attempt[1];
            bench.awaitLine(line -> line.endsWith(shown), "the refusal " + shown);
        }
        bench.awaitLine(line -> line.endsWith("\"hello.txt\\u0000.png\": contains a NUL byte"), "the raw NUL, escaped");
    }

    @Test
    void aLinkOutOfTheFolderIsRefusedAndOneInsideIsFollowed() throws Exception {
        Files.writeString(shared.resolve("hello.txt"), "hello");
        Files.createSymbolicLink(shared.resolve("out.txt"), root.resolve("secret.txt"));
        Files.createSymbolicLink(shared.resolve("outside"), root);
        Files.createSymbolicLink(shared.resolve("in.txt"), shared.resolve("hello.txt"));
        startFiles(0);
        int port = awaitListening();

        assertRefused(port, "out.txt\n".getBytes(StandardCharsets.UTF_8), "a link to a file outside");
        assertRefused(port, "outside/secret.txt\n".getBytes(StandardCharsets.UTF_8), "a link to a folder outside");
        assertEquals("hello", new String(download(port, "in.txt\n"), StandardCharsets.UTF_8));

        bench.send("files:refusals");
        bench.awaitLine(line -> line.endsWith("\"out.txt\": leaves the shared folder"), "the link to a file refused");
        bench.awaitLine(line -> line.endsWith("\"outside/secret.txt\": leaves the shared folder"), "the link to a folder refused");
    }

    @Test
    void anErrorLineWhenConfigured() throws Exception {
        startFiles(0, "error.line=true");
        int port = awaitListening();

        assertEquals("ERROR no such file\n", new String(download(port, "nothing.txt\n"), StandardCharsets.UTF_8));
        assertEquals("ERROR " + PARENT + "\n", new String(download(port, "../secret.txt\n"), StandardCharsets.UTF_8));
    }

    @Test
    void fiftyDownloadsAtOnceAllArriveWhole() throws Exception {
        byte[] file = random(2 * 1024 * 1024, 2);
        Files.write(shared.resolve("firmware.bin"), file);
        startFiles(0);
        int port = awaitListening();

        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_CLIENTS);
        try {
            List<CompletableFuture<byte[]>> downloads = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_CLIENTS; i++) {
                downloads.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return download(port, "firmware.bin\n");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, clients));
            }
            for (CompletableFuture<byte[]> download : downloads) {
                assertArrayEquals(file, download.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        Poll.until(() -> statusLine("transfers:").startsWith("transfers: 0 in progress; " + CONCURRENT_CLIENTS + " served"),
                "every download counted as served");
    }

    @Test
    void stopFreesThePortAndStartTakesItAgain() throws Exception {
        Files.writeString(shared.resolve("hello.txt"), "hello");
        int port = freePort();
        startFiles(port);
        assertEquals(port, awaitListening());

        bench.send("files:stop");
        bench.awaitLine(line -> line.startsWith("stopped"), "confirming the stop");
        try (ServerSocket plain = new ServerSocket()) {
            plain.bind(new InetSocketAddress(LOOPBACK, port));
            assertEquals(port, plain.getLocalPort(), "the port is free once files:stop answered");
        }

        bench.send("files:start");
        bench.awaitLine(("running on 127.0.0.1:" + port)::equals, "listening again");
        assertEquals("hello", new String(download(port, "hello.txt\n"), StandardCharsets.UTF_8));
    }

    @Test
    void aPortInUseIsNamedInOneLineAndTheServiceStaysStopped() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, LOOPBACK)) {
            int taken = other.getLocalPort();
            startFiles(taken);
            bench.askUntil("files:status", ("stopped: TCP port " + taken + " is in use by another program: stop it or choose"
                    + " another port in Settings / <data>/etc/io.fieldbench.files.cfg")::equals, "naming the port in use");
            bench.askUntil("fb:status", line -> line.startsWith("uptime:"), "the bench answering");
        }
    }
}
