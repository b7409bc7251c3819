package io.fieldbench.decoder.json;

import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fieldbench.decoder.support.Configs;
import io.fieldbench.decoder.support.DecoderContract;
import io.fieldbench.decoder.support.RecordingLogger;

/** Any bytes, in any of the collector's charsets, with top-level and nested id and sequence keys. */
class JsonDecoderFuzzTest {

    /** By bit 3 of an input's first byte: the default keys, or nested ones. */
    private static final JsonDecoder[] DECODERS = {
        decoder(Map.of()),
        decoder(Map.of("id.key", "meta.id", "sequence.key", "meta.seq")),
    };

    private static JsonDecoder decoder(Map<String, Object> settings) {
        JsonDecoder decoder = new RecordingLogger().injectInto(new JsonDecoder());
        decoder.configure(Configs.of(JsonDecoder.Config.class, settings));
        return decoder;
    }

    @FuzzTest
    void anyDatagramIsAFrameNothingOrAReason(byte[] input) {
        if (input.length > 0) {
            DecoderContract.holds(DECODERS[input[0] >> 3 & 1], input);
        }
    }
}
