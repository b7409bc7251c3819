package io.fieldbench.recorder.format;

import java.nio.ByteBuffer;
import java.time.Instant;

import io.fieldbench.api.sample.Datagram;

/** A raw {@link Datagram} as a record body: received time, source, payload bytes, decode problem. */
public final class DatagramCodec {

    private DatagramCodec() {
    }

    public static void encode(Datagram datagram, ByteBuffer out) {
        Codec.putInstant(out, datagram.receivedAt());
        Codec.putSource(out, datagram.source());
        out.putInt(datagram.payload().length).put(datagram.payload());
        Codec.putString(out, datagram.problem());
    }

    public static Datagram decode(ByteBuffer in) {
        Instant receivedAt = Codec.getInstant(in);
        var source = Codec.getSource(in);
        byte[] payload = new byte[in.getInt()];
        in.get(payload);
        return new Datagram(source, receivedAt, payload, Codec.getString(in));
    }
}
