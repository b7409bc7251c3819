package io.fieldbench.decoder.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fieldbench.decoder.support.Configs;
import io.fieldbench.decoder.support.DecoderContract;
import io.fieldbench.decoder.support.RecordingLogger;

/**
 * Any layout, then any frame read by it. An input is the settings as text up to the first NUL,
 * {@code fields|id.field|sequence.field|magic|frame.length|byte.order}, and the frame after it.
 * Whatever the settings, configuring is one log line and never an exception; whatever the frame,
 * the decoder keeps its contract.
 */
class BinaryDecoderFuzzTest {

    private static final List<String> SETTINGS = List.of("fields", "id.field", "sequence.field", "magic", "frame.length",
            "byte.order");

    @FuzzTest
    void anyLayoutReadsAnyFrameOrSaysWhyNot(byte[] input) {
        int end = indexOfNul(input);
        RecordingLogger log = new RecordingLogger();
        BinaryDecoder decoder = log.injectInto(new BinaryDecoder());
        decoder.configure(Configs.of(BinaryDecoder.Config.class, settings(new String(input, 0, end, StandardCharsets.UTF_8))));
        assertEquals(1, log.lines.size(), () -> "one line says what the decoder reads or what is wrong: " + log.lines);
        DecoderContract.holds(decoder, input, Math.min(end + 1, input.length), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> settings(String text) {
        String[] values = text.split("\\|", -1);
        Map<String, Object> settings = new HashMap<>();
        for (int i = 0; i < Math.min(values.length, SETTINGS.size()); i++) {
            settings.put(SETTINGS.get(i), values[i]);
        }
        settings.computeIfPresent("frame.length", (key, value) -> wholeOrZero((String) value));
        return settings;
    }

    private static int wholeOrZero(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notWhole) {
            return 0;
        }
    }

    private static int indexOfNul(byte[] input) {
        for (int i = 0; i < input.length; i++) {
            if (input[i] == 0) {
                return i;
            }
        }
        return input.length;
    }
}
