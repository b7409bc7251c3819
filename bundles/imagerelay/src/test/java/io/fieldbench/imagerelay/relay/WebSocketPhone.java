package io.fieldbench.imagerelay.relay;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A phone on the relay's real socket, as raw as a test needs: the upgrade request, masked frames
 * written (whole, or only their start), and the server's frames read one by one.
 */
final class WebSocketPhone {

    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CONTINUATION = 0;
    static final int CLOSE = 8;

    /** A frame the relay sent. */
    record Frame(int opcode, byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** A close frame's status code. */
        int status() {
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    final Socket socket;
    /** The client id the relay's hello gave. */
    final int id;
    private final DataInputStream in;
    private final OutputStream out;

    /** Sends the upgrade request with the pairing token, then reads the answer (101) and the relay's hello. */
    WebSocketPhone(Socket socket, String token) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        out.write(request(socket, token).getBytes(StandardCharsets.US_ASCII));
        String head = head();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
        Map<String, Object> hello = JsonText.parseObject(next(TEXT).text());
        if (!"hello".equals(hello.get("type"))) {
            throw new IOException("no hello: " + hello);
        }
        id = ((Number) hello.get("client")).intValue();
    }

    static String request(Socket socket, String token) {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        return "GET " + HandshakeGate.PATH + "?t=" + token + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + socket.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
    }

    private String head() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the relay closed during the handshake: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    void sendText(String text) throws IOException {
        send(TEXT, true, text.getBytes(StandardCharsets.UTF_8), -1);
    }

    void sendBinary(byte[] bytes) throws IOException {
        send(BINARY, true, bytes, -1);
    }

    /**
     * Writes a frame's header for {@code payload.length} bytes and then only the first {@code upTo}
     * of them (all when negative).
     */
    void send(int opcode, boolean fin, byte[] payload, int upTo) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        int length = payload.length;
        if (length < 126) {
            frame.write(0x80 | length);
        } else if (length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(length >>> 8);
            frame.write(length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) length >>> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask);
        int sent = upTo < 0 ? length : upTo;
        for (int i = 0; i < sent; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The relay's next frame (its frames are not masked); fails at the end of the stream. */
    Frame read() throws IOException {
        int first = in.readUnsignedByte();
        int length = in.readUnsignedByte() & 0x7f;
        long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
        byte[] payload = new byte[Math.toIntExact(size)];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** The next frame of this kind, skipping others (pings, JSON notes). */
    Frame next(int opcode) throws IOException {
        Frame frame;
        do {
            frame = read();
        } while (frame.opcode() != opcode);
        return frame;
    }

    /** Reads past any frames still on the way until the relay's side ends; times out (fails) if it never does. */
    void awaitEnd() throws IOException {
        byte[] rest = new byte[8192];
        while (in.read(rest) >= 0) {
            // frames sent before the close
        }
    }
}
