package io.fieldbench.chat.tcpclient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.fieldbench.chat.internal.Framing;

/** The client tool against a loopback server the test runs: an echo for the first client, then it closes. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TcpClientTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long WAIT_SECONDS = 5;
    private static final Charset GBK = Charset.forName("GBK");

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final TcpClient client = new TcpClient(new TcpClient.Listener() {
        @Override
        public void connected(InetSocketAddress peer) {
            events.add("connected");
        }

        @Override
        public void received(byte[] message) {
            received.add(message);
        }

        @Override
        public void unfinished(byte[] message, String note) {
            events.add("unfinished " + new String(message, GBK) + " [" + note + "]");
        }

        @Override
        public void pending(byte[] begun) {
            events.add("pending " + new String(begun, GBK));
        }

        @Override
        public void skipped(String why) {
            events.add("skipped");
        }

        @Override
        public void disconnected(TcpClient.Reason reason, String detail) {
            events.add("disconnected " + reason);
        }
    });
    private ServerSocket server;
    private final CompletableFuture<Socket> accepted = new CompletableFuture<>();
    private Thread echo;

    @BeforeEach
    void startEchoServer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        echo = new Thread(this::echoOneClient, "test-echo");
        echo.setDaemon(true);
        echo.start();
    }

    /** Echoes one client's bytes until it closes, or until the test closes the accepted socket. */
    private void echoOneClient() {
        try (Socket socket = server.accept()) {
            accepted.complete(socket);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            accepted.completeExceptionally(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
        echo.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    private void connect(Framing framing) throws Exception {
        client.connect("127.0.0.1", server.getLocalPort(), CONNECT_TIMEOUT, framing).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("connected", events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(client.connected());
    }

    @Test
    void aGbkLineComesBackIdenticalAndTheServerClosingIsClosedByPeer() throws Exception {
        connect(Framing.LINE);
        byte[] line = "温度 23.5℃ ok".getBytes(GBK);

        byte[] framed = client.send(line).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(line.length + 1, framed.length, "a line gets its LF");
        assertEquals('\n', framed[framed.length - 1]);

        byte[] echoed = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertArrayEquals(line, echoed, "the echo is the line, byte for byte, without its LF");
        assertEquals("温度 23.5℃ ok", new String(echoed, GBK));

        accepted.get(WAIT_SECONDS, TimeUnit.SECONDS).close();
        assertEquals("disconnected CLOSED_BY_PEER", events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertFalse(client.busy(), "free for the next connection");
    }

    @Test
    void bytesWithoutTheirLineEndAreShownPendingAndTheLineStillComesWhole() throws Exception {
        connect(Framing.LINE);
        OutputStream peer = accepted.get(WAIT_SECONDS, TimeUnit.SECONDS).getOutputStream();
        peer.write("温度 23".getBytes(GBK));
        peer.flush();
        assertEquals("pending 温度 23", events.poll(WAIT_SECONDS, TimeUnit.SECONDS), "shown after a short while, not held");

        peer.write(".5\n".getBytes(GBK));
        peer.flush();
        assertArrayEquals("温度 23.5".getBytes(GBK), received.poll(WAIT_SECONDS, TimeUnit.SECONDS), "the whole line, once");
        assertNull(events.poll(2 * TcpClient.PENDING_MILLIS, TimeUnit.MILLISECONDS), "nothing pending once it ended");
    }

    @Test
    void aReplyCutOffByTheServerClosingArrivesMarkedUnfinished() throws Exception {
        connect(Framing.LINE);
        client.send("温度".getBytes(GBK)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertArrayEquals("温度".getBytes(GBK), received.poll(WAIT_SECONDS, TimeUnit.SECONDS));

        Socket socket = accepted.get(WAIT_SECONDS, TimeUnit.SECONDS);
        socket.getOutputStream().write("温度 2".getBytes(GBK));
        socket.close();
        assertEquals("unfinished 温度 2 [unfinished at close: no line end]", events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("disconnected CLOSED_BY_PEER", events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void disconnectingIsClosedByYouAndSendingThenFails() throws Exception {
        connect(Framing.RAW);
        client.disconnect();
        assertEquals("disconnected CLOSED_BY_YOU", events.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> client.send(new byte[] {1}).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IllegalStateException);
    }

    @Test
    void oneConnectionAtATime() throws Exception {
        connect(Framing.RAW);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> client
                .connect("127.0.0.1", server.getLocalPort(), CONNECT_TIMEOUT, Framing.RAW).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IllegalStateException);
        assertTrue(client.connected(), "the first connection stays");
    }

    @Test
    void aRefusedConnectionFailsTheFutureAndLeavesTheClientFree() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        assertThrows(ExecutionException.class, () -> client
                .connect("127.0.0.1", closedPort, CONNECT_TIMEOUT, Framing.LINE).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertFalse(client.busy());
    }
}
