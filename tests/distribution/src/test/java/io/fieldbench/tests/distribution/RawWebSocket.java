package io.fieldbench.tests.distribution;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * A WebSocket client on a plain socket, for what a well-behaved client library never does: frames
 * unmasked, a frame header announcing more than is sent, a connection dropped mid-message, a
 * client that never reads. Loopback only.
 */
final class RawWebSocket implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    private static final Random RANDOM = new Random(6);

    /** A frame the server sent. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame. */
        int closeStatus() {
            return payload.length < 2 ? -1 : (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String response;

    private RawWebSocket(Socket socket, String response) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.response = response;
    }

    /**
     * Connects and sends the handshake for {@code /ws} + query; reads the response head.
     *
     * @param origin the Origin header, or null for none
     * @param receiveBuffer the socket's receive buffer, or 0 for the system's
     */
    static RawWebSocket connect(int port, String query, String origin, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SOCKET_TIMEOUT_MILLIS);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String request = "GET /ws" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return new RawWebSocket(socket, head.toString(StandardCharsets.ISO_8859_1));
    }

    /** The HTTP status of the handshake's response: 101 when upgraded. */
    int status() {
        String[] parts = response.split(" ", 3);
        return parts.length < 2 ? -1 : Integer.parseInt(parts[1]);
    }

    /** Writes one frame: FIN set, masked or not, announcing {@code announced} payload bytes but carrying {@code payload}. */
    void frame(int opcode, byte[] payload, long announced, boolean masked) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        int mask = masked ? 0x80 : 0;
        if (announced < 126) {
            frame.write(mask | (int) announced);
        } else if (announced <= 0xFFFF) {
            frame.write(mask | 126);
            frame.write((int) (announced >>> 8));
            frame.write((int) announced);
        } else {
            frame.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (announced >>> shift));
            }
        }
        byte[] body = payload.clone();
        if (masked) {
            byte[] key = new byte[4];
            RANDOM.nextBytes(key);
            frame.write(key);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= key[i % 4];
            }
        }
        frame.write(body);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Writes one whole masked frame. */
    void frame(int opcode, byte[] payload) throws IOException {
        frame(opcode, payload, payload.length, true);
    }

    /** Reads the next frame the server sent (unmasked, as servers send them). */
    Frame read() throws IOException {
        DataInputStream data = new DataInputStream(in);
        int first = data.readUnsignedByte();
        byte[] payload = new byte[Math.toIntExact(payloadLength(data))];
        data.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** Reads a frame's payload length, from its second byte (7 bits, or 16 or 64 bits more); unmasked frames only. */
    static long payloadLength(DataInputStream data) throws IOException {
        long length = data.readUnsignedByte() & 0x7F;
        if (length == 126) {
            return data.readUnsignedShort();
        }
        return length == 127 ? data.readLong() : length;
    }

    /** Reads frames until a close frame; its status, or -1 when the connection ended without one. */
    int awaitClose() throws IOException {
        try {
            for (Frame frame = read();; frame = read()) {
                if (frame.opcode() == CLOSE) {
                    return frame.closeStatus();
                }
            }
        } catch (EOFException e) {
            return -1;
        }
    }

    /** Whether the server closed the connection: the stream ends (after anything it still had to say). */
    boolean ended() throws IOException {
        try {
            while (in.read() >= 0) {
                // what the server sent before closing
            }
            return true;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("reset");
        }
    }

    /** The connected socket, for a client that speaks the protocol on it after this handshake. */
    Socket socket() {
        return socket;
    }

    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
