package io.fieldbench.imagerelay.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fieldbench.imagerelay.format.TestImages;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.fieldbench.server.support.tcp.TcpTransport;

/**
 * What a phone may do to the relay's real socket on loopback, over each transport (as Netty's
 * testsuite runs each socket test over every transport): half-close, reset in the middle of an
 * image, send a frame the relay refuses, never read what it is sent, trickle a request never finished. The relay ends each
 * connection for its reason, keeps no client, socket or buffer of it (the buffers: paranoid leak
 * detection, {@link io.fieldbench.imagerelay.BufferLeaks}), and goes on serving other phones.
 */
class ClientFaultsTest {

    /** A phone's kernel buffer that takes a few KiB and no more: a phone that does not read. */
    private static final int STALLED = 4 * 1024;
    private static final int OUTBOUND_LIMIT = 64 * 1024;
    private static final int MAX_IMAGE = 1024 * 1024;
    /** A slowloris's pause between its bytes. */
    private static final int TRICKLE_MILLIS = 200;

    @TempDir
    Path data;

    private LoopbackRelay relay(TcpTransport transport, TestRelayConfig config) throws Exception {
        return new LoopbackRelay(transport, config, data);
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aPhoneThatHalfClosesIsClosedAndForgotten(TcpTransport transport) throws Exception {
        try (LoopbackRelay relay = relay(transport, TestRelayConfig.relay("bench"))) {
            WebSocketPhone phone = relay.phone(LoopbackRelay.READING);

            phone.socket.shutdownOutput();

            relay.assertClosedLeavingNothing(phone, DisconnectReason.CLOSED_BY_PEER);
        }
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aPhoneThatResetsInTheMiddleOfAnImageIsOneDisconnectAndLeavesNothing(TcpTransport transport) throws Exception {
        try (LoopbackRelay relay = relay(transport, TestRelayConfig.relay("bench"))) {
            WebSocketPhone phone = relay.phone(LoopbackRelay.READING);
            byte[] image = TestImages.noiseJpeg(300, 300, 1);
            int half = image.length / 2;

            // the message's first fragment whole (the aggregator holds it), the second begun (the decoder holds it)
            phone.sendText(LoopbackRelay.header("cut.jpg", image.length));
            phone.send(WebSocketPhone.BINARY, false, Arrays.copyOf(image, half), -1);
            phone.send(WebSocketPhone.CONTINUATION, true, Arrays.copyOfRange(image, half, image.length), 1000);
            phone.socket.setSoLinger(true, 0);
            phone.socket.close();

            String disconnect = relay.disconnected(phone, DisconnectReason.RESET);
            assertTrue(disconnect.contains("in the middle of a message"), disconnect);
            relay.assertLeftNothingAndServes(phone.socket);
            assertTrue(relay.traffic.isEmpty(), "one disconnect: nothing reported after the next phone's");
        }
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aFrameOverTheImageLimitIsClosedWith1009AndLeavesNothing(TcpTransport transport) throws Exception {
        try (LoopbackRelay relay = relay(transport, TestRelayConfig.relay("bench").maxImage(64 * 1024))) {
            WebSocketPhone phone = relay.phone(LoopbackRelay.READING);

            phone.send(WebSocketPhone.BINARY, true, new byte[100 * 1024], 10); // refused as its header arrives

            assertEquals(1009, phone.next(WebSocketPhone.CLOSE).status());
            relay.assertClosedLeavingNothing(phone, DisconnectReason.MESSAGE_TOO_BIG);
        }
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aPhoneThatNeverReadsALargeImageIsDroppedAndTheReadingOneGetsItWhole(TcpTransport transport) throws Exception {
        try (LoopbackRelay relay = relay(transport,
                TestRelayConfig.relay("all").clients(3).maxImage(MAX_IMAGE).outboundLimit(OUTBOUND_LIMIT))) {
            WebSocketPhone stalled = relay.phone(STALLED);
            WebSocketPhone reading = relay.phone(LoopbackRelay.READING);
            WebSocketPhone sender = relay.phone(LoopbackRelay.READING);
            byte[] image = TestImages.noiseJpeg(600, 600, 2);
            assertTrue(image.length > 4 * OUTBOUND_LIMIT, "far more than the limit: " + image.length);

            LoopbackRelay.upload(sender, "large.jpg", image);

            assertArrayEquals(image, reading.next(WebSocketPhone.BINARY).payload());
            relay.disconnected(stalled, DisconnectReason.TOO_SLOW);
            Socket[] phones = {reading.socket, sender.socket};
            for (Socket phone : phones) {
                phone.close();
            }
            relay.assertLeftNothingAndServes(stalled.socket);
        }
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aSlowlorisThatNeverFinishesItsRequestIsClosedAtTheDeadline(TcpTransport transport) throws Exception {
        try (LoopbackRelay relay = relay(transport, TestRelayConfig.relay("bench"))) {
            Socket slowloris = relay.connect(LoopbackRelay.READING);
            slowloris.setSoTimeout(TRICKLE_MILLIS);
            OutputStream out = slowloris.getOutputStream();
            byte[] headers = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a".getBytes(StandardCharsets.US_ASCII);
            long giveUp = System.nanoTime() + (RelayInitializer.HANDSHAKE_TIMEOUT_MILLIS + 5_000) * 1_000_000;
            boolean closed = false;
            // a byte at a time, each restarting the idle timer; the last header goes on for ever ('a' after 'a'), never ending the request
            for (int i = 0; !closed && System.nanoTime() < giveUp; i++) {
                try {
                    out.write(headers[Math.min(i, headers.length - 1)]);
                    out.flush();
                    closed = endOfStream(slowloris);
                } catch (SocketException ended) { // reset: the relay closed with a byte of ours unread
                    closed = true;
                }
            }

            assertTrue(closed, "the relay closed the slowloris within the deadline");
            assertEquals("refused connection: its HTTP request did not arrive whole within 10 s; closed",
                    relay.report("refused connection"));
            relay.assertLeftNothingAndServes(slowloris);
        }
    }

    /** Whether the relay closed the connection, waiting a trickle's pause for it. */
    private static boolean endOfStream(Socket socket) throws Exception {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
