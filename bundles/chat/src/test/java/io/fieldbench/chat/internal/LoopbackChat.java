package io.fieldbench.chat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.fieldbench.server.support.tcp.Await;
import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.ClientSockets;
import io.fieldbench.server.support.tcp.OpenFiles;
import io.fieldbench.server.support.tcp.TcpTransport;

/** The chat server's real listening socket on loopback over one transport, with the test's clients; closes them all. */
final class LoopbackChat implements AutoCloseable {

    final RecordingTraffic traffic = new RecordingTraffic();
    final ClientRegistry<ChatClient> registry;
    final ChatListener listener;
    private final ClientSockets sockets;

    LoopbackChat(TcpTransport transport, ChatSettings settings, int maxClients) throws Exception {
        registry = new ClientRegistry<>("chat", maxClients, Clock.systemUTC());
        listener = ChatListener.bind(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), settings, registry,
                traffic, warning -> { }); // accept failures (AcceptFailures) are tested on their own
        sockets = new ClientSockets(listener.localAddress());
    }

    Socket connect() throws IOException {
        return connect(64 * 1024);
    }

    Socket connect(int receiveBuffer) throws IOException {
        return sockets.connect(receiveBuffer);
    }

    /** The client the server has for this test socket, once registered. */
    ChatClient serverSide(Socket socket) throws InterruptedException {
        String address = "127.0.0.1:" + socket.getLocalPort();
        Await.until(() -> registry.all().stream().anyMatch(c -> c.address().equals(address)), "client " + address + " registered");
        return registry.all().stream().filter(c -> c.address().equals(address)).findFirst().orElseThrow();
    }

    /**
     * The files this JVM has open once a first client came, was heard and left: what a fault must
     * not leave it above. (The first connection loads classes, and may open jars for them.)
     */
    long openFilesAtRest() throws Exception {
        Socket first = connect();
        first.getOutputStream().write("warm-up\n".getBytes(StandardCharsets.UTF_8));
        Await.until(() -> traffic.received.stream().anyMatch(m -> m.endsWith(":warm-up")), "the first client heard");
        first.close();
        Await.until(() -> registry.size() == 0, "the first client gone");
        traffic.clear();
        return OpenFiles.count();
    }

    /** The test's client closed, the server kept nothing of it and serves the others. */
    void assertLeftNothingAndServes(Socket client, long openFiles) throws Exception {
        client.close();
        awaitNothingLeftBeyond(openFiles);
        try (Socket other = connect()) {
            other.getOutputStream().write("still served\n".getBytes(StandardCharsets.UTF_8));
            Await.until(() -> traffic.received.stream().anyMatch(m -> m.endsWith(":still served")), "another client heard");
        }
    }

    /** The server kept no client and no file of the clients the test closed. */
    void awaitNothingLeftBeyond(long openFiles) throws InterruptedException {
        Await.until(() -> registry.size() == 0, "no client left registered");
        Await.until(() -> OpenFiles.count() <= openFiles, "the open files back to " + openFiles + " (now " + OpenFiles.count() + ")");
    }

    Broadcast broadcast(byte[] message) {
        return Broadcast.send(registry.unordered(), message, new ChatClient.Kept(Instant.now(), false, message), System.nanoTime());
    }

    /** Counts what arrives on a thread of its own, until the socket closes. */
    static AtomicLong drain(InputStream in) {
        AtomicLong count = new AtomicLong();
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65_536];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    count.addAndGet(n);
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        thread.setDaemon(true);
        thread.start();
        return count;
    }

    @Override
    public void close() throws IOException {
        sockets.close();
        listener.close();
    }
}
