package io.fieldbench.chat.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.DisconnectReason;

/** Broadcasts through a real listening socket on loopback, to clients that read and to one that does not. */
class BroadcastLoopbackTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;

    private final RecordingTraffic traffic = new RecordingTraffic();
    private final List<Socket> sockets = new ArrayList<>();
    private ClientRegistry<ChatClient> registry;
    private ChatListener listener;

    private void listen(ChatSettings settings) throws Exception {
        registry = new ClientRegistry<>("chat", 1_000, Clock.systemUTC());
        listener = ChatListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), settings, registry, traffic,
                warning -> { }); // accept failures (AcceptFailures) are tested on their own
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.setReceiveBufferSize(receiveBuffer);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        socket.connect(listener.localAddress(), SOCKET_TIMEOUT_MILLIS);
        return socket;
    }

    private Broadcast broadcast(byte[] message) {
        return Broadcast.send(registry.unordered(), message, new ChatClient.Kept(Instant.now(), false, message), System.nanoTime());
    }

    @AfterEach
    void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void everyOneOfThreeHundredClientsGetsExactlyTheBytes() throws Exception {
        listen(TestConfig.framing("length").settings());
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            clients.add(connect(64 * 1024));
        }
        awaitTrue(() -> registry.size() == 300, "300 clients registered");
        byte[] message = new byte[1_000];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) (i * 7);
        }
        byte[] expected = new byte[message.length + 2];
        expected[0] = (byte) (message.length >> 8);
        expected[1] = (byte) message.length;
        System.arraycopy(message, 0, expected, 2, message.length);

        Broadcast.Delivery delivery = broadcast(message).delivered().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertEquals(300, delivery.clients());
        assertEquals(300, delivery.written());
        for (Socket client : clients) {
            byte[] got = new byte[expected.length];
            new DataInputStream(client.getInputStream()).readFully(got);
            assertArrayEquals(expected, got);
            assertEquals(0, client.getInputStream().available(), "nothing more than the message");
        }
    }

    @Test
    void aClientThatDoesNotReadIsDroppedAndTheOthersKeepGettingEveryByte() throws Exception {
        listen(new TestConfig("line", 2, "UTF-8", 16, 64 * 1024).settings());
        connect(4_096); // never read
        Socket reader = connect(1024 * 1024);
        AtomicLong read = drain(reader.getInputStream());
        awaitTrue(() -> registry.size() == 2, "both clients registered");

        byte[] message = "x".repeat(16 * 1024 - 1).getBytes();
        List<Broadcast> sent = new ArrayList<>();
        // far more than loopback's socket buffers hold; the reader reads each before the next goes
        for (int i = 0; i < 2_000 && !traffic.disconnected.contains(DisconnectReason.TOO_SLOW); i++) {
            sent.add(broadcast(message));
            long expected = (long) sent.size() * (message.length + 1);
            awaitTrue(() -> read.get() == expected, "the reader having " + expected + " bytes");
        }

        assertEquals(List.of(DisconnectReason.TOO_SLOW), traffic.disconnected);
        assertEquals(1, registry.size(), "the reader stays");
        for (Broadcast broadcast : sent) {
            broadcast.delivered().get(DEADLINE.toSeconds(), TimeUnit.SECONDS); // none waits for the one that did not read
        }
        Broadcast.Delivery last = broadcast(message).delivered().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, last.clients());
        assertEquals(1, last.written());
        awaitTrue(() -> read.get() == (sent.size() + 1L) * (message.length + 1), "the reader having every byte");
    }

    /** Counts what arrives on a thread of its own, until the socket closes. */
    private static AtomicLong drain(InputStream in) {
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

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "no " + what + " after " + DEADLINE.toSeconds() + " s");
            Thread.sleep(5); // state on other threads: polled with a deadline
        }
    }
}
