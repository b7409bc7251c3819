package io.fieldbench.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceWindowsTest {

    @Test
    void aBatchSeenBeforeIsADuplicateAndGapsFillWhenLateBatchesCome() {
        SequenceWindows windows = new SequenceWindows();
        assertTrue(windows.firstTime("field", 1, 0));
        assertTrue(windows.firstTime("field", 1, 3));
        assertEquals(2, windows.missing(), "1 and 2 not seen yet");

        assertTrue(windows.firstTime("field", 1, 1), "a replayed backlog arrives after live data");
        assertFalse(windows.firstTime("field", 1, 3), "QoS 1 delivered it twice");
        assertEquals(1, windows.missing());
        assertEquals(1, windows.duplicates());
    }

    @Test
    void eachRunOfEachSiteCountsOnItsOwn() {
        SequenceWindows windows = new SequenceWindows();
        assertTrue(windows.firstTime("field", 1, 0));
        assertTrue(windows.firstTime("field", 2, 0), "the bench restarted: a new run");
        assertTrue(windows.firstTime("lab", 1, 0));
        assertEquals(0, windows.duplicates());
    }

    @Test
    void aWildNumberCostsNothing() {
        SequenceWindows windows = new SequenceWindows();
        assertTrue(windows.firstTime("field", 1, 0));
        assertTrue(windows.firstTime("field", 1, Long.MAX_VALUE - 1), "a foreign message's number: no array sized by it");
        assertFalse(windows.firstTime("field", 1, Long.MAX_VALUE - 1));
        assertTrue(windows.firstTime("field", 1, 1));
        assertEquals(Long.MAX_VALUE - 3, windows.missing());
    }

    @Test
    void rangesMergeAsGapsFillInWhateverTheOrder() {
        SequenceWindows windows = new SequenceWindows();
        for (long seq : new long[] {5, 3, 1, 4, 2, 0}) {
            assertTrue(windows.firstTime("field", 1, seq), "first time of " + seq);
        }
        for (long seq = 0; seq <= 5; seq++) {
            assertFalse(windows.firstTime("field", 1, seq), "again: " + seq);
        }
        assertEquals(0, windows.missing());
        assertEquals(6, windows.duplicates());
    }
}
