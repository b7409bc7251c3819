package io.fieldbench.registry.internal;

/**
 * Estimates gaps and lost frames of one device from the sequence numbers its frames carry.
 * <p>
 * How numbers are read, in order:
 * <ul>
 * <li><b>Ahead</b> of the highest number seen, by d ≤ {@value #MAX_JUMP}: d − 1 frames are
 * missing; if d &gt; 1 that is one gap.</li>
 * <li><b>Behind</b> it by less than {@value #WINDOW}: a frame seen before is a duplicate and
 * changes nothing; one not seen before arrived late (reordered), so it is no longer lost. A bitmap
 * of the last {@value #WINDOW} numbers tells the two apart.</li>
 * <li><b>Wrap-around</b>: a counter of 8, 16 or 32 bits starts again at 0. The counter's width is
 * taken as the smallest of those that holds every number seen so far; a number that is ahead
 * modulo 2^width by at most {@value #WINDOW} continues the sequence across the wrap (signed
 * 32-bit counters that jump from 2^31 − 1 to −2^31 are covered by the same arithmetic).</li>
 * <li><b>Restart</b>: anything else behind (a device that rebooted and counts from 0 or 1 again),
 * or a jump ahead of more than {@value #MAX_JUMP} (no device loses a million frames between two it
 * delivers; it was reset or reconfigured): the sequence starts again at this number and nothing is
 * counted as lost. A device that restarts within {@value #WINDOW} of where it was looks like
 * duplicates at first; {@value #RESTART_CONFIRMATION} of those in consecutive order confirm the
 * restart.</li>
 * </ul>
 * Not thread-safe: one device's numbers are read by one thread.
 */
final class SequenceTracker {

    /** How far behind the highest number a late frame is still recognised. */
    static final int WINDOW = 64;
    /** A larger jump ahead is a restart, not loss. */
    static final long MAX_JUMP = 1L << 20;
    /** Consecutive duplicates in order that mean the device started counting again. */
    static final int RESTART_CONFIRMATION = 3;
    /** Numbers before the first (or a restart) were never counted as lost: late ones are no news. */
    private static final long ALL_SEEN = -1L;
    private static final long[] COUNTER_RANGES = {1L << 8, 1L << 16, 1L << 32};

    private boolean started;
    private long highest;
    private long highestEver;
    private long lowestEver;
    /** Bit i: number highest − i was received, or was never counted as missing. */
    private long received;
    private long gaps;
    private long lost;
    private long duplicates;
    private long restarts;
    private long replayed;
    private int replayRun;
    /** The counter's range once it was seen to wrap, otherwise 0. */
    private long wrapRange;

    void accept(long sequence) {
        if (!started) {
            begin(sequence);
            return;
        }
        long ahead = sequence - highest;
        long lateAcrossWrap = behindAcrossWrap(sequence);
        if (ahead > 0 && ahead <= MAX_JUMP && lateAcrossWrap == 0) {
            advance(sequence, ahead);
        } else if (ahead <= 0 && ahead > -WINDOW) {
            behind(sequence, -ahead);
        } else if (lateAcrossWrap > 0) {
            behind(sequence, lateAcrossWrap);
        } else {
            long wrapped = aheadAcrossWrap(sequence);
            if (wrapped > 0) {
                wrapRange = counterRange();
                advance(sequence, wrapped);
            } else {
                restart(sequence);
            }
        }
    }

    private void begin(long sequence) {
        started = true;
        highest = sequence;
        received = ALL_SEEN;
        replayRun = 0;
        highestEver = Math.max(highestEver, sequence);
        lowestEver = Math.min(lowestEver, sequence);
    }

    private void advance(long sequence, long ahead) {
        if (ahead > 1) {
            gaps++;
            lost += ahead - 1;
        }
        received = ahead >= Long.SIZE ? 1 : (received << ahead) | 1; // the shifted-in zeros are the missing
        highest = sequence;
        highestEver = Math.max(highestEver, sequence);
        lowestEver = Math.min(lowestEver, sequence);
        replayRun = 0;
    }

    private void behind(long sequence, long back) {
        long bit = 1L << back;
        if ((received & bit) == 0) {
            received |= bit;
            lost--;
            replayRun = 0;
            return;
        }
        duplicates++;
        replayRun = replayRun > 0 && sequence == replayed + 1 ? replayRun + 1 : 1;
        replayed = sequence;
        if (replayRun >= RESTART_CONFIRMATION) {
            duplicates -= RESTART_CONFIRMATION;
            restart(sequence);
        }
    }

    /** How far ahead the number is across a counter wrap, or 0 when it is not. */
    private long aheadAcrossWrap(long sequence) {
        long range = counterRange();
        if (range == 0) {
            return 0;
        }
        long ahead = Math.floorMod(sequence - highest, range);
        return ahead > 0 && ahead <= WINDOW ? ahead : 0;
    }

    /**
     * How far behind the number is across a wrap the counter already made (a frame from before the
     * wrap arriving after it), or 0. Only after a wrap was seen: before that, a jump ahead is loss.
     */
    private long behindAcrossWrap(long sequence) {
        if (wrapRange == 0 || sequence <= highest) {
            return 0;
        }
        long back = wrapRange - Math.floorMod(sequence - highest, wrapRange);
        return back > 0 && back < WINDOW ? back : 0;
    }

    /** The smallest counter width that holds every number seen, or 0 for wider counters. */
    private long counterRange() {
        for (long range : COUNTER_RANGES) {
            if (highestEver < range && lowestEver >= -range / 2) {
                return range;
            }
        }
        return 0;
    }

    private void restart(long sequence) {
        restarts++;
        wrapRange = 0;
        begin(sequence);
    }

    /** Breaks in the sequence. */
    long gaps() {
        return gaps;
    }

    /** Frames missing in those breaks, less those that arrived late. */
    long lost() {
        return lost;
    }

    /** Frames received twice. */
    long duplicates() {
        return duplicates;
    }

    /** Times the device started counting again. */
    long restarts() {
        return restarts;
    }
}
