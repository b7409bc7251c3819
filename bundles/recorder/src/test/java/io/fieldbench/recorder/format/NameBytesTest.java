package io.fieldbench.recorder.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class NameBytesTest {

    private final NameBytes names = new NameBytes();

    @Test
    void aNameHeardAgainIsNotEncodedAgain() {
        byte[] first = names.of("dev0001");

        assertSame(first, names.of(new String("dev0001"))); // an equal name, not the same instance
    }

    @Test
    void everyNameIsItsOwnUtf8HoweverManyThereAre() {
        for (int i = 0; i < 4 * NameBytes.SLOTS; i++) {
            String name = (i % 2 == 0 ? "dev" : "温度") + i;
            assertArrayEquals(name.getBytes(StandardCharsets.UTF_8), names.of(name), name);
        }
        String longName = "k".repeat(NameBytes.MAX_LENGTH + 1);
        assertArrayEquals(longName.getBytes(StandardCharsets.UTF_8), names.of(longName));
    }
}
