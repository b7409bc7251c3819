package io.fieldbench.files.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.service.log.Logger;

import io.fieldbench.server.support.ListenerSettings;
import io.fieldbench.server.support.tcp.Await;
import io.fieldbench.server.support.tcp.ClientSockets;
import io.fieldbench.server.support.tcp.OpenFiles;
import io.fieldbench.server.support.tcp.TcpTransport;

/**
 * What a client may do to the file service's real socket on loopback, over each transport (as
 * Netty's testsuite runs each socket test over every transport): half-close after the name, reset
 * in the middle of a large file, never read it, never send a name. The service ends each
 * connection as it should, keeps no socket and no open file of it, and serves the others meanwhile.
 */
class ClientFaultsTest {

    private static final int REQUEST_TIMEOUT_SECONDS = 1;
    /** Far more than loopback's socket buffers hold, and sparse: no time is spent writing it. */
    private static final long LARGE = 256L << 20;
    private static final byte[] SMALL = "the small file's bytes\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path shared;

    private final Transfers transfers = new Transfers();
    private final RefusalLog refusals = new RefusalLog();
    private final ExecutorService disk = Executors.newFixedThreadPool(2);
    private FileServerSocket server;
    private ClientSockets clients;

    private void serve(TcpTransport transport) throws Exception {
        Files.write(shared.resolve("small.txt"), SMALL);
        try (RandomAccessFile large = new RandomAccessFile(shared.resolve("large.bin").toFile(), "rw")) {
            large.setLength(LARGE);
        }
        FilesSettings settings = new FilesSettings(new ListenerSettings(true, "127.0.0.1", 0), shared, 1L << 30, false,
                REQUEST_TIMEOUT_SECONDS, 1024, List.of());
        Logger quiet = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> null);
        server = FileServerSocket.bind(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new FileServerInitializer(() -> settings, transfers, refusals, quiet, disk), warning -> { });
        clients = new ClientSockets(server.localAddress());
    }

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            clients.close();
            server.close();
        }
        disk.shutdown();
    }

    private Socket request(String name, int receiveBuffer) throws IOException {
        Socket socket = clients.connect(receiveBuffer);
        socket.getOutputStream().write((name + "\n").getBytes(StandardCharsets.UTF_8));
        return socket;
    }

    /** Another client downloads the small file whole: the service goes on. */
    private void assertServed() throws Exception {
        try (Socket other = request("small.txt", 64 * 1024)) {
            assertArrayEquals(SMALL, other.getInputStream().readAllBytes());
        }
    }

    /** The open files once a first download came and went (it loads classes, which may open jars). */
    private long openFilesAtRest() throws Exception {
        long served = transfers.served();
        assertServed();
        Await.until(() -> transfers.served() == served + 1 && transfers.inProgress().isEmpty(), "the first download ended");
        return OpenFiles.count();
    }

    /** The test's client closed, no connection and no file of it is left open, and others are served. */
    private void assertLeftNothingAndServes(Socket client, long openFiles) throws Exception {
        client.close();
        Await.until(() -> transfers.inProgress().isEmpty(), "no transfer left in progress");
        Await.until(() -> OpenFiles.count() <= openFiles, "the open files back to " + openFiles);
        assertServed();
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aClientThatHalfClosesAfterTheNameGetsTheWholeFileAndTheEnd(TcpTransport transport) throws Exception {
        serve(transport);
        long atRest = openFilesAtRest();
        Socket client = request("small.txt", 64 * 1024);

        client.shutdownOutput();

        assertArrayEquals(SMALL, client.getInputStream().readAllBytes(), "the whole file, then the end of the stream");
        assertLeftNothingAndServes(client, atRest);
        assertEquals(3, transfers.served(), "the first, this and the next download");
        assertEquals(0, transfers.failed());
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aClientThatResetsInTheMiddleOfAFileCutsTheTransferShortAndLeavesNothing(TcpTransport transport) throws Exception {
        serve(transport);
        long atRest = openFilesAtRest();
        Socket client = request("large.bin", 64 * 1024);
        InputStream in = client.getInputStream();
        assertEquals(0, in.read(), "the transfer began");

        client.setSoLinger(true, 0);
        client.close();

        Await.until(() -> transfers.failed() == 1, "the transfer cut short");
        assertLeftNothingAndServes(client, atRest); // the file sent from is closed too, not only the socket
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aClientThatNeverReadsALargeFileGetsOnlyWhatItsSocketTakesAndOthersAreServed(TcpTransport transport) throws Exception {
        serve(transport);
        long atRest = openFilesAtRest();
        Socket stuck = request("large.bin", 4096);
        Await.until(() -> !transfers.inProgress().isEmpty() && transfers.inProgress().get(0).sent() > 0, "the transfer begun");

        for (int i = 0; i < 10; i++) {
            assertServed();
        }

        Transfer waiting = transfers.inProgress().get(0);
        // a region of the file goes to the socket as the kernel takes it (sendfile): nothing of it waits in memory
        assertTrue(waiting.sent() < LARGE / 4, "sent no faster than the client reads: " + waiting.sent() + " bytes");
        stuck.close();
        Await.until(() -> transfers.failed() == 1, "the transfer cut short when the client left");
        assertLeftNothingAndServes(stuck, atRest);
    }

    /** A slowloris of the file service: connects and never finishes a request (never sends a name). */
    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aClientThatNeverNamesAFileIsClosedByTheRequestTimeoutWhileOthersAreServed(TcpTransport transport) throws Exception {
        serve(transport);
        long atRest = openFilesAtRest();
        Socket silent = clients.connect(64 * 1024);

        assertServed();

        assertEquals(-1, silent.getInputStream().read(), "closed by the service after request.timeout.seconds");
        assertEquals(FileRequestHandler.NO_NAME, refusals.recent(1).get(0).reason());
        assertLeftNothingAndServes(silent, atRest);
    }
}
