package io.fieldbench.recorder.format;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The primitives the sample and datagram bodies are made of: instants as seconds and nanos, strings
 * as length-prefixed UTF-8, sources as the raw address bytes and port. A body that does not fit the
 * buffer raises {@link BufferOverflowException}; the caller grows the buffer and encodes again.
 */
final class Codec {

    private static final NameBytes NAMES = new NameBytes();

    private Codec() {
    }

    static void putInstant(ByteBuffer out, Instant instant) {
        out.putLong(instant.getEpochSecond()).putInt(instant.getNano());
    }

    static Instant getInstant(ByteBuffer in) {
        long seconds = in.getLong();
        return Instant.ofEpochSecond(seconds, in.getInt());
    }

    static void putString(ByteBuffer out, String text) {
        putBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A string that records repeat (a device id, a key): written as {@link #putString} does, its bytes encoded once. */
    static void putName(ByteBuffer out, String name) {
        putBytes(out, NAMES.of(name));
    }

    private static void putBytes(ByteBuffer out, byte[] bytes) {
        out.putInt(bytes.length).put(bytes);
    }

    static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string of " + length + " bytes in a body of " + in.remaining());
        }
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    /** An address as its bytes (4 or 16), or 0 and the host name for one never resolved. */
    static void putSource(ByteBuffer out, InetSocketAddress source) {
        InetAddress address = source.getAddress();
        if (address == null) {
            out.put((byte) 0);
            putString(out, source.getHostString());
        } else {
            byte[] bytes = address.getAddress();
            out.put((byte) bytes.length).put(bytes);
        }
        out.putShort((short) source.getPort());
    }

    static InetSocketAddress getSource(ByteBuffer in) {
        int length = in.get();
        if (length == 0) {
            String host = getString(in);
            return InetSocketAddress.createUnresolved(host, Short.toUnsignedInt(in.getShort()));
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), Short.toUnsignedInt(in.getShort()));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + length + " bytes", e);
        }
    }
}
