package io.fieldbench.decoder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineKeysTest {

    @ParameterizedTest
    @ValueSource(ints = {1, LineKeys.COMPARED, LineKeys.COMPARED + 1, 4 * LineKeys.COMPARED})
    void findsAKeyGivenTwiceAmongAnyNumberOfKeys(int count) {
        LineKeys keys = new LineKeys();
        for (int i = 0; i < count; i++) {
            assertTrue(keys.add("k" + i), "k" + i + " is new");
        }

        for (int i = 0; i < count; i++) {
            assertFalse(keys.add(new String("k" + i)), "k" + i + " again"); // an equal key, not the same instance
        }
        assertTrue(keys.add("new"));
        assertEquals(count + 1, keys.count());
    }
}
