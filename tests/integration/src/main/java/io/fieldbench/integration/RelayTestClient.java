package io.fieldbench.integration;

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
import java.util.regex.Pattern;

import org.opentest4j.AssertionFailedError;

/**
 * A client of the image relay's WebSocket as the phone page is one, on the JDK's own WebSocket
 * (no Origin header, no compression): sends an image as the protocol says (the {@code image} text
 * frame, then one binary message) and hands over every whole message it receives, in order, text
 * as {@link String} and binary as {@code byte[]}.
 */
final class RelayTestClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    RelayTestClient(URI endpoint) {
        socket = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().newWebSocketBuilder()
                .connectTimeout(TIMEOUT).buildAsync(endpoint, new Collector())
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void sendImage(String name, String mime, byte[] bytes) {
        String announce = "{\"type\":\"image\",\"name\":\"" + name + "\",\"mime\":\"" + mime + "\",\"size\":"
                + bytes.length + "}";
        socket.sendText(announce, true)
                .thenCompose(sent -> sent.sendBinary(ByteBuffer.wrap(bytes), true))
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The next text message of this {@code type}, skipping others; fails after {@link #TIMEOUT}. */
    String nextText(String type) throws InterruptedException {
        Pattern typed = Pattern.compile("\"type\"\\s*:\\s*\"" + Pattern.quote(type) + "\"");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Object message = next(deadline, "a '" + type + "' message");
            if (message instanceof String text && typed.matcher(text).find()) {
                return text;
            }
        }
    }

    /** The next message, which must be binary; fails after {@link #TIMEOUT}. */
    byte[] nextBinary() throws InterruptedException {
        Object message = next(System.nanoTime() + TIMEOUT.toNanos(), "a binary message");
        if (message instanceof byte[] bytes) {
            return bytes;
        }
        throw new AssertionFailedError("expected a binary message, got " + message);
    }

    private Object next(long deadline, String what) throws InterruptedException {
        Object message = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (message == null) {
            throw new AssertionFailedError("not within " + TIMEOUT.toSeconds() + " s: " + what + " from the relay");
        }
        return message;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .exceptionally(failure -> null).join();
        socket.abort();
    }

    /** Joins the parts of each message and queues it whole. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                received.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }
    }
}
