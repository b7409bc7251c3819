package io.fieldbench.decoder.text;

import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fieldbench.decoder.support.Configs;
import io.fieldbench.decoder.support.DecoderContract;
import io.fieldbench.decoder.support.RecordingLogger;

/** Any bytes, in any of the collector's charsets, with and without CSV columns, rejecting or replacing invalid bytes. */
class TextDecoderFuzzTest {

    /** By bits 3 and 4 of an input's first byte: CSV columns or none, invalid bytes rejected or replaced. */
    private static final TextDecoder[] DECODERS = {
        decoder(Map.of()),
        decoder(Map.of("csv.columns", "id,seq,temp,msg")),
        decoder(Map.of("invalid.bytes", "replace")),
        decoder(Map.of("csv.columns", "id,seq,temp,msg", "invalid.bytes", "replace")),
    };

    private static TextDecoder decoder(Map<String, Object> settings) {
        TextDecoder decoder = new RecordingLogger().injectInto(new TextDecoder());
        decoder.configure(Configs.of(TextDecoder.Config.class, settings));
        return decoder;
    }

    @FuzzTest
    void anyDatagramIsAFrameNothingOrAReason(byte[] input) {
        if (input.length > 0) {
            DecoderContract.holds(DECODERS[input[0] >> 3 & 3], input);
        }
    }
}
