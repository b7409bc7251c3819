package io.fieldbench.decoder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class KeyNamesTest {

    private final KeyNames names = new KeyNames();

    @Test
    void theSameKeyInAnotherLineIsTheSameString() {
        String first = names.of("id=a,temp=21.5", 5, 9);
        String again = names.of("temp=22,id=b", 0, 4);

        assertEquals("temp", first);
        assertSame(first, again);
    }

    @Test
    void everyKeyIsItsOwnTextHoweverManyThereAre() {
        for (int i = 0; i < 4 * KeyNames.SLOTS; i++) {
            String line = "x=1,k" + i + "=2";
            assertEquals("k" + i, names.of(line, 4, line.indexOf('=', 4)));
        }
        String longKey = "k".repeat(KeyNames.MAX_LENGTH + 1);
        assertEquals(longKey, names.of(longKey + "=1", 0, longKey.length()));
    }
}
