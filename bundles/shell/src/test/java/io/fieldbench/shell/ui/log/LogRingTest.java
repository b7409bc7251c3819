package io.fieldbench.shell.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class LogRingTest {

    private static List<LogLine> lines(long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(n -> new LogLine(n, n, LogLevel.INFO, "b", "line " + n)).toList();
    }

    @Test
    void keepsLinesInOrderWhileThereIsRoom() {
        LogRing ring = new LogRing(5);

        int dropped = ring.append(lines(1, 3));

        assertEquals(0, dropped);
        assertEquals(3, ring.size());
        assertEquals(1, ring.get(0).sequence());
        assertEquals(3, ring.get(2).sequence());
    }

    @Test
    void dropsAndCountsTheOldestWhenFull() {
        LogRing ring = new LogRing(5);
        ring.append(lines(1, 4));

        int dropped = ring.append(lines(5, 7));

        assertEquals(2, dropped);
        assertEquals(2, ring.dropped());
        assertEquals(5, ring.size());
        assertEquals(3, ring.get(0).sequence());
        assertEquals(7, ring.get(4).sequence());
    }

    @Test
    void aBatchLargerThanTheRingKeepsItsNewestLines() {
        LogRing ring = new LogRing(3);

        ring.append(lines(1, 10));

        assertEquals(7, ring.dropped());
        assertEquals(List.of(8L, 9L, 10L), List.of(ring.get(0).sequence(), ring.get(1).sequence(), ring.get(2).sequence()));
    }

    @Test
    void clearEmptiesAndResetsTheCount() {
        LogRing ring = new LogRing(2);
        ring.append(lines(1, 5));

        ring.clear();

        assertEquals(0, ring.size());
        assertEquals(0, ring.dropped());
        assertThrows(IndexOutOfBoundsException.class, () -> ring.get(0));
    }
}
