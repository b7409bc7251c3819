package io.fieldbench.files.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download client against a loopback peer that speaks the file protocol: one connection, the
 * name line read, then the reply given and the socket closed.
 */
class FileDownloadTest {

    private static final long PEER_TIMEOUT_SECONDS = 10;

    @TempDir
    Path folder;

    @Test
    void savesEveryByteTheServerSendsAndReportsProgress() throws Exception {
        byte[] file = new byte[300_000];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 13 + 1);
        }
        Path target = folder.resolve("sub").resolve("copy.bin");
        AtomicLong lastProgress = new AtomicLong();
        try (ServerSocket peer = loopbackPeer()) {
            CompletableFuture<String> asked = serveOnce(peer, file);
            long size = new FileDownload("127.0.0.1", peer.getLocalPort(), "data/x.bin", true, target).run(lastProgress::set);
            assertEquals("data/x.bin", asked.get(PEER_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertEquals(file.length, size);
        }
        assertArrayEquals(file, Files.readAllBytes(target));
        assertEquals(file.length, lastProgress.get(), "the last progress report");
        try (var left = Files.list(target.getParent())) {
            assertEquals(1, left.count(), "a partial file was left beside the target");
        }
    }

    @Test
    void anEmptyReplyIsAnEmptyFile() throws Exception {
        Path target = folder.resolve("empty.txt");
        try (ServerSocket peer = loopbackPeer()) {
            serveOnce(peer, new byte[0]);
            assertEquals(0, new FileDownload("127.0.0.1", peer.getLocalPort(), "empty.txt", true, target).run(n -> { }));
        }
        assertEquals(0, Files.size(target));
    }

    @Test
    void aResetIsARefusalAndLeavesNoFile() throws Exception {
        Path target = folder.resolve("missing.bin");
        try (ServerSocket peer = loopbackPeer()) {
            CompletableFuture<Void> reset = CompletableFuture.runAsync(() -> {
                try (Socket client = peer.accept()) {
                    client.getInputStream().read();
                    client.setSoLinger(true, 0);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            IOException refused = assertThrows(IOException.class,
                    () -> new FileDownload("127.0.0.1", peer.getLocalPort(), "missing.bin", true, target).run(n -> { }));
            assertTrue(refused.getMessage().startsWith("the server refused 'missing.bin'"), refused.getMessage());
            reset.get(PEER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(target));
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count(), "a partial file was left");
        }
    }

    @Test
    void anErrorLineIsARefusalWithItsReason() throws Exception {
        Path target = folder.resolve("out.bin");
        try (ServerSocket peer = loopbackPeer()) {
            serveOnce(peer, "ERROR parent directory (..)\n".getBytes(StandardCharsets.UTF_8));
            IOException refused = assertThrows(IOException.class,
                    () -> new FileDownload("127.0.0.1", peer.getLocalPort(), "../x", true, target).run(n -> { }));
            assertTrue(refused.getMessage().endsWith("parent directory (..)"), refused.getMessage());
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void aNameWithALineBreakIsNotSent() {
        assertThrows(IllegalArgumentException.class, () -> new FileDownload("127.0.0.1", 7890, "a\nb", true, folder.resolve("x")));
        assertThrows(IllegalArgumentException.class, () -> new FileDownload("127.0.0.1", 0, "a", true, folder.resolve("x")));
    }

    private static ServerSocket loopbackPeer() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** Accepts one client, reads its name line, sends the reply and closes; completes with the name. */
    @Test
    void withoutNewlineTheNameGoesAloneAsTheTutorialsServerTakesIt() throws Exception {
        byte[] file = "the report".getBytes(StandardCharsets.UTF_8);
        Path target = folder.resolve("report.txt");
        try (ServerSocket peer = loopbackPeer()) {
            // the tutorial's server: conn.recv(1024) is the name, whatever it holds
            CompletableFuture<String> asked = CompletableFuture.supplyAsync(() -> {
                try (Socket client = peer.accept()) {
                    client.setSoTimeout((int) TimeUnit.SECONDS.toMillis(PEER_TIMEOUT_SECONDS));
                    byte[] segment = new byte[1024];
                    int read = client.getInputStream().read(segment);
                    client.getOutputStream().write(file);
                    return new String(segment, 0, read, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            new FileDownload("127.0.0.1", peer.getLocalPort(), "report.txt", false, target).run(n -> { });
            assertEquals("report.txt", asked.get(PEER_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the name alone, no line end");
        }
        assertArrayEquals(file, Files.readAllBytes(target));
    }

    private static CompletableFuture<String> serveOnce(ServerSocket peer, byte[] reply) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket client = peer.accept()) {
                client.setSoTimeout((int) TimeUnit.SECONDS.toMillis(PEER_TIMEOUT_SECONDS));
                InputStream in = client.getInputStream();
                StringBuilder name = new StringBuilder();
                for (int b; (b = in.read()) >= 0 && b != '\n';) {
                    name.append((char) b);
                }
                OutputStream out = client.getOutputStream();
                out.write(reply);
                out.flush();
                return name.toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
