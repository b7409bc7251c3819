package io.fieldbench.decoder.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CheckedSettingsTest {

    private final RecordingLogger log = new RecordingLogger();
    private final CheckedSettings<String, Integer> settings = new CheckedSettings<>("io.fieldbench.test", CheckedSettingsTest::check,
            "Test decoder: settings {} are not usable: {}");

    /** "off" turns the decoder off, a number is in force, anything else is not usable. */
    private static Optional<Integer> check(String config) {
        if (config.equals("off")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(config));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + config + "' is no number");
        }
    }

    @Test
    void usableSettingsAreInForceWithoutALogLine() {
        settings.configure("42", log.logger);

        assertEquals(Optional.of(42), settings.inForce());
        assertEquals(List.of(), log.lines);
    }

    @Test
    void unusableSettingsAreOneErrorLineAndTurnTheDecoderOff() {
        settings.configure("42", log.logger);

        settings.configure("forty", log.logger);

        assertEquals(Optional.empty(), settings.inForce());
        assertEquals(List.of("ERROR Test decoder: settings io.fieldbench.test are not usable: 'forty' is no number"), log.lines);
    }

    @Test
    void settingsThatTurnTheDecoderOffAreNoError() {
        settings.configure("42", log.logger);

        settings.configure("off", log.logger);

        assertEquals(Optional.empty(), settings.inForce());
        assertEquals(List.of(), log.lines);
    }
}
