package io.fieldbench.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fieldbench.server.support.tcp.Await;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.fieldbench.server.support.tcp.TcpTransport;

/**
 * What a client may do to the chat server's real socket on loopback, over each transport (as
 * Netty's testsuite runs each socket test over every transport): half-close, reset, be kicked,
 * trickle a message byte by byte. The server ends each connection for its reason, keeps no client
 * and no file of it, and goes on serving the others. (A client that never reads:
 * {@link BroadcastLoopbackTest}.)
 */
class ClientFaultsTest {

    /** Two clients at most: a slot held for ever would show at once. */
    private static final int MAX_CLIENTS = 2;
    private static final int FRAME_TIMEOUT_SECONDS = 1;
    private static final long TRICKLE_MILLIS = 100;
    /** Bytes a slowloris trickles at most: far longer than the message timeout. */
    private static final int TRICKLE_BYTES = 300;

    private static LoopbackChat lineChat(TcpTransport transport) throws Exception {
        return new LoopbackChat(transport, TestConfig.framing("line").frameTimeout(FRAME_TIMEOUT_SECONDS).settings(), MAX_CLIENTS);
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertDisconnected(LoopbackChat chat, DisconnectReason reason) throws InterruptedException {
        Await.until(() -> !chat.traffic.disconnected.isEmpty(), "disconnect");
        assertEquals(List.of(reason), chat.traffic.disconnected);
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aClientThatHalfClosesHasEverythingDeliveredAndIsClosed(TcpTransport transport) throws Exception {
        try (LoopbackChat chat = lineChat(transport)) {
            long atRest = chat.openFilesAtRest();
            Socket client = chat.connect();
            int id = chat.serverSide(client).id();

            send(client, "last words\ntail");
            client.shutdownOutput();

            assertEquals(-1, client.getInputStream().read(), "the server closes its side once it has read everything");
            assertDisconnected(chat, DisconnectReason.CLOSED_BY_PEER);
            assertEquals(List.of(id + ":last words", id + ":tail [unfinished at close: no line end]"), chat.traffic.received);
            chat.assertLeftNothingAndServes(client, atRest);
        }
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aClientThatResetsIsADisconnectAndLeavesNothing(TcpTransport transport) throws Exception {
        try (LoopbackChat chat = lineChat(transport)) {
            long atRest = chat.openFilesAtRest();
            Socket client = chat.connect();
            chat.serverSide(client);

            send(client, "half a li"); // the framer holds the start of a line when the reset comes
            client.setSoLinger(true, 0);
            client.close();

            assertDisconnected(chat, DisconnectReason.RESET);
            chat.assertLeftNothingAndServes(client, atRest);
        }
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aKickedClientIsClosedByTheServerAndTheOthersStay(TcpTransport transport) throws Exception {
        try (LoopbackChat chat = lineChat(transport)) {
            long atRest = chat.openFilesAtRest();
            Socket kicked = chat.connect();
            int id = chat.serverSide(kicked).id();

            assertTrue(chat.listener.kick(id));

            assertEquals(-1, kicked.getInputStream().read(), "the kicked client's stream ends");
            assertDisconnected(chat, DisconnectReason.KICKED);
            assertFalse(chat.listener.kick(id), "gone");
            chat.assertLeftNothingAndServes(kicked, atRest);
        }
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aSlowlorisIsDroppedByTheMessageTimeoutAndFreesItsSlot(TcpTransport transport) throws Exception {
        try (LoopbackChat chat = lineChat(transport)) {
            long atRest = chat.openFilesAtRest();
            Socket slow = chat.connect();
            chat.serverSide(slow);
            Socket other = chat.connect();
            chat.serverSide(other);

            OutputStream out = slow.getOutputStream();
            try {
                for (int i = 0; i < TRICKLE_BYTES && chat.traffic.disconnected.isEmpty(); i++) {
                    out.write('x'); // a line begun, never ended
                    if (i == 1) {
                        send(other, "meanwhile\n");
                    }
                    Thread.sleep(TRICKLE_MILLIS); // the client's pace, not a wait for the server
                }
            } catch (IOException closedByTheServer) {
                // the server dropped it while it trickled
            }

            assertDisconnected(chat, DisconnectReason.SLOWLORIS);
            assertTrue(chat.traffic.received.stream().anyMatch(m -> m.endsWith(":meanwhile")), "the other client heard meanwhile");
            Socket third = chat.connect();
            chat.serverSide(third); // let in beside the other: of the two slots, the slowloris holds none
            third.close();
            other.close();
            chat.assertLeftNothingAndServes(slow, atRest);
        }
    }
}
