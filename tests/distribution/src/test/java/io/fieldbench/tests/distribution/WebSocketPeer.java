package io.fieldbench.tests.distribution;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A well-behaved WebSocket client (the JDK's), as the phone page is one: sends text and binary
 * messages and queues each whole message it receives.
 */
final class WebSocketPeer implements WebSocket.Listener, AutoCloseable {

    /** A whole message: text, or binary bytes, or the close (text null, bytes null, status set). */
    record Message(String text, byte[] bytes, int closeStatus) {
    }

    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final WebSocket socket;

    private WebSocketPeer(URI uri) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, this).orTimeout(BenchProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS).join();
    }

    static WebSocketPeer connect(int port, String token) {
        return new WebSocketPeer(URI.create("ws://127.0.0.1:" + port + "/ws?t=" + token));
    }

    /** The next whole message; fails at the deadline. */
    Message next() throws InterruptedException {
        Message message = received.poll(BenchProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + BenchProcess.DEADLINE.toSeconds() + " s");
        }
        return message;
    }

    /** The next text message, which must be one. */
    String nextText() throws InterruptedException {
        Message message = next();
        if (message.text() == null) {
            throw new AssertionError("a text message expected, got " + message);
        }
        return message.text();
    }

    /** The next binary message, which must be one. */
    byte[] nextBinary() throws InterruptedException {
        Message message = next();
        if (message.bytes() == null) {
            throw new AssertionError("a binary message expected, got " + message.text() + " / close " + message.closeStatus());
        }
        return message.bytes();
    }

    /** Sends the {@code image} header, then the bytes. */
    void sendImage(String name, String mime, byte[] bytes) {
        socket.sendText("{\"type\":\"image\",\"name\":\"" + name + "\",\"mime\":\"" + mime + "\",\"size\":" + bytes.length
                + "}", true).join();
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    void sendText(String message) {
        socket.sendText(message, true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            received.add(new Message(text.toString(), null, 0));
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            received.add(new Message(null, binary.toByteArray(), 0));
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        received.add(new Message(null, null, statusCode));
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
