package io.fieldbench.chat.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fieldbench.server.support.tcp.Await;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.fieldbench.server.support.tcp.TcpTransport;

/** Broadcasts through a real listening socket on loopback, over each transport, to clients that read and to one that does not. */
class BroadcastLoopbackTest {

    private static final long DEADLINE_SECONDS = Await.DEADLINE.toSeconds();

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void everyOneOfThreeHundredClientsGetsExactlyTheBytes(TcpTransport transport) throws Exception {
        try (LoopbackChat chat = new LoopbackChat(transport, TestConfig.framing("length").settings(), 1_000)) {
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                clients.add(chat.connect());
            }
            Await.until(() -> chat.registry.size() == 300, "300 clients registered");
            byte[] message = new byte[1_000];
            for (int i = 0; i < message.length; i++) {
                message[i] = (byte) (i * 7);
            }
            byte[] expected = new byte[message.length + 2];
            expected[0] = (byte) (message.length >> 8);
            expected[1] = (byte) message.length;
            System.arraycopy(message, 0, expected, 2, message.length);

            Broadcast.Delivery delivery = chat.broadcast(message).delivered().get(DEADLINE_SECONDS, TimeUnit.SECONDS);

            assertEquals(300, delivery.clients());
            assertEquals(300, delivery.written());
            for (Socket client : clients) {
                byte[] got = new byte[expected.length];
                new DataInputStream(client.getInputStream()).readFully(got);
                assertArrayEquals(expected, got);
                assertEquals(0, client.getInputStream().available(), "nothing more than the message");
            }
        }
    }

    /** A client that never reads while the server sends a lot: its bytes waiting are bounded, the others miss nothing. */
    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aClientThatDoesNotReadIsDroppedAndTheOthersKeepGettingEveryByte(TcpTransport transport) throws Exception {
        try (LoopbackChat chat = new LoopbackChat(transport, new TestConfig("line", 2, "UTF-8", 16, 64 * 1024).settings(), 1_000)) {
            chat.connect(4_096); // never read
            Socket reader = chat.connect(1024 * 1024);
            AtomicLong read = LoopbackChat.drain(reader.getInputStream());
            Await.until(() -> chat.registry.size() == 2, "both clients registered");

            byte[] message = "x".repeat(16 * 1024 - 1).getBytes();
            List<Broadcast> sent = new ArrayList<>();
            // far more than loopback's socket buffers hold; the reader reads each before the next goes
            for (int i = 0; i < 2_000 && !chat.traffic.disconnected.contains(DisconnectReason.TOO_SLOW); i++) {
                sent.add(chat.broadcast(message));
                long expected = (long) sent.size() * (message.length + 1);
                Await.until(() -> read.get() == expected, "the reader having " + expected + " bytes");
            }

            assertEquals(List.of(DisconnectReason.TOO_SLOW), chat.traffic.disconnected);
            assertEquals(1, chat.registry.size(), "the reader stays");
            for (Broadcast broadcast : sent) {
                broadcast.delivered().get(DEADLINE_SECONDS, TimeUnit.SECONDS); // none waits for the one that did not read
            }
            Broadcast.Delivery last = chat.broadcast(message).delivered().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            assertEquals(1, last.clients());
            assertEquals(1, last.written());
            Await.until(() -> read.get() == (sent.size() + 1L) * (message.length + 1), "the reader having every byte");
        }
    }
}
