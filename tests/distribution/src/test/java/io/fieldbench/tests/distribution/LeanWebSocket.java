package io.fieldbench.tests.distribution;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * The benchmarks' WebSocket client: what every client must do (mask what it sends, take whole
 * messages) for the least processor time, so that a round trip's time is mostly the server's. One
 * blocking socket; masks eight bytes at a time; builds each frame in, and reads each message into,
 * a buffer it keeps. The bench and its baseline get the same client. Loopback only.
 */
final class LeanWebSocket implements AutoCloseable {

    private static final int FIN = 0x80;
    private static final int MASKED = 0x80;
    private static final int CONTINUATION = 0x0;
    private static final int MAX_HEADER = 14;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final RawWebSocket connection;
    private final DataInputStream in;
    private final OutputStream out;
    private final Random random = new Random(7);
    private byte[] outgoing = new byte[0];
    private byte[] incoming = new byte[0];
    private int opcode;
    private int length;

    private LeanWebSocket(RawWebSocket connection) throws IOException {
        this.connection = connection;
        this.in = new DataInputStream(connection.socket().getInputStream());
        this.out = connection.socket().getOutputStream();
    }

    /** Opens {@code /ws?t=TOKEN} on a loopback port; fails unless the server upgrades. */
    static LeanWebSocket connect(int port, String token) throws IOException {
        RawWebSocket connection = RawWebSocket.connect(port, "?t=" + token, null, 0);
        if (connection.status() != 101) {
            connection.close();
            throw new IOException("the WebSocket handshake got HTTP " + connection.status());
        }
        return new LeanWebSocket(connection);
    }

    void sendText(String text) throws IOException {
        send(RawWebSocket.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendBinary(byte[] payload) throws IOException {
        send(RawWebSocket.BINARY, payload);
    }

    /** One final, masked frame in one write. */
    private void send(int frameOpcode, byte[] payload) throws IOException {
        if (outgoing.length < payload.length + MAX_HEADER) {
            outgoing = new byte[payload.length + MAX_HEADER];
        }
        int at = 0;
        outgoing[at++] = (byte) (FIN | frameOpcode);
        if (payload.length < 126) {
            outgoing[at++] = (byte) (MASKED | payload.length);
        } else if (payload.length <= 0xFFFF) {
            outgoing[at++] = (byte) (MASKED | 126);
            outgoing[at++] = (byte) (payload.length >>> 8);
            outgoing[at++] = (byte) payload.length;
        } else {
            outgoing[at++] = (byte) (MASKED | 127);
            LONGS.set(outgoing, at, (long) payload.length);
            at += Long.BYTES;
        }
        int key = random.nextInt();
        outgoing[at++] = (byte) (key >>> 24);
        outgoing[at++] = (byte) (key >>> 16);
        outgoing[at++] = (byte) (key >>> 8);
        outgoing[at++] = (byte) key;
        long mask = (key & 0xFFFFFFFFL) << 32 | key & 0xFFFFFFFFL;
        int i = 0;
        for (; i + Long.BYTES <= payload.length; i += Long.BYTES) {
            LONGS.set(outgoing, at + i, (long) LONGS.get(payload, i) ^ mask);
        }
        for (; i < payload.length; i++) {
            outgoing[at + i] = (byte) (payload[i] ^ key >>> 8 * (3 - i % 4));
        }
        out.write(outgoing, 0, at + payload.length);
    }

    /** Reads the next whole message (fragments joined); its bytes stay in this client until the next read. */
    private void read() throws IOException {
        length = 0;
        boolean last;
        do {
            int first = in.readUnsignedByte();
            long size = RawWebSocket.payloadLength(in);
            if ((first & 0x0F) != CONTINUATION) {
                opcode = first & 0x0F;
            }
            int end = Math.addExact(length, Math.toIntExact(size));
            if (incoming.length < end) {
                incoming = Arrays.copyOf(incoming, end);
            }
            in.readFully(incoming, length, end - length);
            length = end;
            last = (first & FIN) != 0;
        } while (!last);
    }

    /** The next message, which must be text. */
    String nextText() throws IOException {
        read();
        if (opcode != RawWebSocket.TEXT) {
            throw new AssertionError("a text message expected, got opcode " + opcode);
        }
        return new String(incoming, 0, length, StandardCharsets.UTF_8);
    }

    /** The next message, which must be binary: its length (the bytes are not copied out). */
    int nextBinaryLength() throws IOException {
        read();
        if (opcode != RawWebSocket.BINARY) {
            throw new AssertionError("a binary message expected, got opcode " + opcode);
        }
        return length;
    }

    /** Whether the last message read holds exactly these bytes. */
    boolean lastMessageIs(byte[] expected) {
        return Arrays.equals(incoming, 0, length, expected, 0, expected.length);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
