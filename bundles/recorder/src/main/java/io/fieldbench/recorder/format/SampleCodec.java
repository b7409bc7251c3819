package io.fieldbench.recorder.format;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.fieldbench.api.sample.Sample;

/**
 * A {@link Sample} as a record body: received time, device id, source, decoder, sequence, numeric
 * channels (name, IEEE double: the exact value), text fields, datagram size. Every field of the
 * sample survives the round trip unchanged.
 */
public final class SampleCodec {

    private static final byte NO_SEQUENCE = 0;
    private static final byte HAS_SEQUENCE = 1;

    private SampleCodec() {
    }

    public static void encode(Sample sample, ByteBuffer out) {
        Codec.putInstant(out, sample.receivedAt());
        Codec.putName(out, sample.deviceId());
        Codec.putSource(out, sample.source());
        Codec.putName(out, sample.decoder());
        if (sample.sequence().isPresent()) {
            out.put(HAS_SEQUENCE).putLong(sample.sequence().getAsLong());
        } else {
            out.put(NO_SEQUENCE);
        }
        out.putInt(sample.channels().size());
        for (Map.Entry<String, Double> channel : sample.channels().entrySet()) {
            Codec.putName(out, channel.getKey());
            out.putDouble(channel.getValue());
        }
        out.putInt(sample.texts().size());
        for (Map.Entry<String, String> text : sample.texts().entrySet()) {
            Codec.putName(out, text.getKey());
            Codec.putString(out, text.getValue());
        }
        out.putInt(sample.bytes());
    }

    /** Only the received time, without decoding the rest: for skipping to a time range. */
    public static Instant receivedAt(ByteBuffer body) {
        return Codec.getInstant(body.duplicate());
    }

    public static Sample decode(ByteBuffer in) {
        Instant receivedAt = Codec.getInstant(in);
        String deviceId = Codec.getString(in);
        var source = Codec.getSource(in);
        String decoder = Codec.getString(in);
        OptionalLong sequence = in.get() == HAS_SEQUENCE ? OptionalLong.of(in.getLong()) : OptionalLong.empty();
        int channelCount = in.getInt();
        Map<String, Double> channels = new LinkedHashMap<>();
        for (int i = 0; i < channelCount; i++) {
            channels.put(Codec.getString(in), in.getDouble());
        }
        int textCount = in.getInt();
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < textCount; i++) {
            texts.put(Codec.getString(in), Codec.getString(in));
        }
        return new Sample(deviceId, source, receivedAt, decoder, sequence, channels, texts, in.getInt());
    }
}
