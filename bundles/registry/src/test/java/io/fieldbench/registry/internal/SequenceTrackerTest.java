package io.fieldbench.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void anUnbrokenSequenceHasNoGaps() {
        accept(LongStream.rangeClosed(1, 1_000));

        assertCounts(0, 0);
    }

    @Test
    void countsEachBreakAndTheFramesMissingInIt() {
        accept(1, 2, 3, 7, 8, 10);

        assertCounts(2, 4); // 4,5,6 and 9
    }

    @Test
    void aLateFrameIsNoLongerLost() {
        accept(1, 2, 4, 5, 3, 6);

        assertCounts(1, 0);
    }

    @Test
    void aDuplicateChangesNothing() {
        accept(1, 2, 3, 3, 4, 2, 5);

        assertCounts(0, 0);
        assertEquals(2, tracker.duplicates());
    }

    @Test
    void an8BitCounterWrapsToZero() {
        accept(LongStream.rangeClosed(250, 255));
        accept(0, 1, 3);

        assertCounts(1, 1);
        assertEquals(0, tracker.restarts());
    }

    @Test
    void a16BitCounterWrapsWithLossAcrossTheWrap() {
        accept(65_533, 65_534, 2, 3);

        assertCounts(1, 3); // 65535, 0 and 1
    }

    @Test
    void a32BitCounterWraps() {
        accept(0xFFFF_FFFEL, 0xFFFF_FFFFL, 0, 1);

        assertCounts(0, 0);
        assertEquals(0, tracker.restarts());
    }

    @Test
    void aSigned32BitCounterWrapsFromMaxToMin() {
        accept(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1);

        assertCounts(0, 0);
    }

    @Test
    void aFrameFromBeforeTheWrapArrivingAfterItIsLate() {
        accept(253, 255, 0, 254, 1);

        assertCounts(1, 0);
    }

    @Test
    void aRebootThatCountsFromTheStartIsARestartNotLoss() {
        accept(LongStream.rangeClosed(1, 5_000));
        accept(1, 2, 3);

        assertCounts(0, 0);
        assertEquals(1, tracker.restarts());
    }

    @Test
    void aQuickRebootIsConfirmedByFramesInOrder() {
        accept(LongStream.rangeClosed(1, 20));
        accept(LongStream.rangeClosed(1, 30));

        assertCounts(0, 0);
        assertEquals(1, tracker.restarts());
        assertEquals(0, tracker.duplicates());
    }

    @Test
    void aHugeJumpIsARestartNotAMillionLostFrames() {
        accept(1, 2, 3, 50_000_000, 50_000_001);

        assertCounts(0, 0);
        assertEquals(1, tracker.restarts());
    }

    @Test
    void aLongGapFarBeyondTheWindowIsStillCounted() {
        accept(1, 1_001, 1_002);

        assertCounts(1, 999);
    }

    private void accept(long... numbers) {
        accept(LongStream.of(numbers));
    }

    private void accept(LongStream numbers) {
        numbers.forEach(tracker::accept);
    }

    private void assertCounts(long gaps, long lost) {
        assertEquals(gaps, tracker.gaps(), "gaps");
        assertEquals(lost, tracker.lost(), "lost");
    }
}
