package io.fieldbench.imagerelay.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.fieldbench.imagerelay.format.TestImages;
import io.fieldbench.imagerelay.page.PageFiles;
import io.fieldbench.imagerelay.page.PairingToken;
import io.fieldbench.imagerelay.store.ImageStore;
import io.fieldbench.server.support.tcp.Await;
import io.fieldbench.server.support.tcp.ClientSockets;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.fieldbench.server.support.tcp.OpenFiles;
import io.fieldbench.server.support.tcp.TcpTransport;

/** The relay's real listening socket on loopback over one transport, with the test's phones; closes them all. */
final class LoopbackRelay implements AutoCloseable {

    /** A phone's receive buffer when the test does not say. */
    static final int READING = 256 * 1024;

    final RecordingTraffic traffic = new RecordingTraffic();
    final RelaySocket socket;
    private final PairingToken token;
    private final ClientSockets sockets;
    /**
     * The files this JVM has open once a first phone came, sent an image and left: what a fault
     * must not leave it above. (The first connection loads classes, and may open jars for them.)
     */
    private final long openFilesAtRest;

    LoopbackRelay(TcpTransport transport, RelayConfig config, Path data) throws Exception {
        RelaySettings settings = RelaySettings.of(config, data);
        ImageStore store = new ImageStore(settings.imagesFolder());
        token = PairingToken.load(data.resolve("token"));
        RelayParts parts = new RelayParts(() -> settings, () -> store, token, PageFiles.load(getClass().getClassLoader()),
                traffic, Clock.systemUTC());
        socket = RelaySocket.bind(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), settings, parts,
                warning -> { }); // accept failures (AcceptFailures) are tested on their own
        sockets = new ClientSockets(socket.localAddress());
        assertServes();
        openFilesAtRest = OpenFiles.count();
    }

    Socket connect(int receiveBuffer) throws IOException {
        return sockets.connect(receiveBuffer);
    }

    /** A phone past its handshake and the relay's hello, its kernel taking at most about {@code receiveBuffer} bytes. */
    WebSocketPhone phone(int receiveBuffer) throws IOException {
        return new WebSocketPhone(connect(receiveBuffer), token.value());
    }

    /** An image's header and bytes, as the phone page sends them. */
    static void upload(WebSocketPhone phone, String name, byte[] image) throws IOException {
        phone.sendText(header(name, image.length));
        phone.sendBinary(image);
    }

    static String header(String name, int size) {
        return JsonText.write(Map.of("type", "image", "name", name, "mime", "image/png", "size", size));
    }

    /** The next report that begins so, skipping others (connections, receipts); fails when none comes in time. */
    String report(String start) throws InterruptedException {
        String report;
        do {
            report = traffic.next();
        } while (!report.startsWith(start));
        return report;
    }

    /** The relay's report of the phone's disconnect, which must be for this reason. */
    String disconnected(WebSocketPhone phone, DisconnectReason reason) throws InterruptedException {
        String report = report("disconnected " + phone.id + " ");
        assertTrue(report.startsWith("disconnected " + phone.id + " " + reason + " "), report);
        return report;
    }

    /** The test's socket closed, the relay kept nothing of it and serves another phone. */
    void assertLeftNothingAndServes(Socket closed) throws Exception {
        closed.close();
        Await.until(() -> socket.clients().size() == 0, "no client left registered");
        Await.until(() -> OpenFiles.count() <= openFilesAtRest,
                "the open files back to " + openFilesAtRest + " (now " + OpenFiles.count() + ")");
        assertServes();
    }

    /** The relay closed the phone's connection (its stream ends) for this reason, kept nothing of it and serves another. */
    void assertClosedLeavingNothing(WebSocketPhone phone, DisconnectReason reason) throws Exception {
        phone.awaitEnd();
        disconnected(phone, reason);
        assertLeftNothingAndServes(phone.socket);
    }

    /** A new phone's image is kept and answered, and the phone leaves again. */
    private void assertServes() throws Exception {
        WebSocketPhone phone = phone(READING);
        byte[] png = TestImages.picture("png", 8, 8);
        upload(phone, "still.png", png);
        assertEquals("stored", JsonText.parseObject(phone.next(WebSocketPhone.TEXT).text()).get("type"));
        // the intake reports the image just after answering; once the phone leaves, the order is the threads' choice
        report("received " + phone.id + " still.png");
        phone.socket.close();
        Await.until(() -> socket.clients().size() == 0, "the phone gone");
        report("disconnected ");
    }

    @Override
    public void close() throws IOException {
        sockets.close();
        socket.close();
    }
}
