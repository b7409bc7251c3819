package io.fieldbench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenSequencesTest {

    @Test
    void numbersInAnyOrderJoinIntoRangesAndARepeatIsCounted() {
        SeenSequences seen = new SeenSequences();
        for (long seq : new long[] {1, 2, 5, 4, 7, 3}) {
            assertTrue(seen.add("d", seq));
        }
        assertFalse(seen.add("d", 4));
        seen.add("e", 10);

        assertEquals("d 1-5,7-7; e 10-10", seen.ranges());
        assertEquals(7, seen.distinct());
        assertEquals(1, seen.repeats());
    }

    @Test
    void aLedgerFileIsReadBackLineByLine(@TempDir Path folder) throws Exception {
        Path ledger = Files.writeString(folder.resolve("ledger"), "field/d 1-3,5-5\nfield/d 3-4\n");

        SeenSequences seen = SeenSequences.read(ledger);

        assertEquals("field/d 1-5", seen.ranges());
        assertEquals(1, seen.repeats());
        assertEquals(0, SeenSequences.read(folder.resolve("none")).distinct());
    }

    @Test
    void rangesPrintedAreParsedBackAndCoveredOnlyByWhatHoldsEachNumber() {
        SeenSequences seen = SeenSequences.parse("d 1-5,7-9; e 10-10");

        assertEquals("d 1-5,7-9; e 10-10", seen.ranges());
        assertTrue(seen.covers(SeenSequences.parse("d 2-4,8-9")));
        assertFalse(seen.covers(SeenSequences.parse("d 4-7")), "6 is missing");
        assertFalse(seen.covers(SeenSequences.parse("f 1-1")), "no such device");
        assertTrue(seen.covers(SeenSequences.parse("")));
    }
}
