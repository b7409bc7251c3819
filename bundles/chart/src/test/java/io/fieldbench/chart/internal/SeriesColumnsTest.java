package io.fieldbench.chart.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The incremental decimation draws exactly what a full decimation of the same points draws. */
class SeriesColumnsTest {

    private static final int CAPACITY = 20_000;
    private static final int STEPS = 2_000;

    @Test
    void drawsWhatAFullDecimationDrawsThroughAppendsScrollsEvictionsZoomsAndRestarts() {
        for (long seed = 1; seed <= 3; seed++) {
            compareOver(new Random(seed), seed);
        }
    }

    private static void compareOver(Random random, long seed) {
        SeriesRing ring = new SeriesRing(CAPACITY);
        SeriesColumns kept = new SeriesColumns();
        long now = 1_700_000_000_000L;
        long span = 5_000;
        int columns = 300;
        boolean scrolling = true;
        long from = now - span;
        int decimated = 0;
        for (int step = 0; step < STEPS; step++) {
            int action = random.nextInt(100);
            if (action < 2) {
                // a replay started over: a much older point restarts the ring
                now -= 60_000;
                ring.add(now, random.nextGaussian());
            } else if (action < 6) {
                span = 500 + random.nextInt(40_000);
            } else if (action < 8) {
                columns = 50 + random.nextInt(1_000);
            } else if (action < 12) {
                // the user zoomed or panned: the range stops following the data, maybe back in time
                scrolling = !scrolling;
                from = now - random.nextInt(50_000);
            } else {
                now = append(ring, random, now);
            }
            long to;
            if (scrolling) {
                // now and then everything retained, as the "All" window shows
                from = action % 7 == 0 && ring.endSeq() > ring.firstSeq() ? ring.time(ring.firstSeq()) : now - span;
                to = Math.max(from + 1, now);
            } else {
                to = from + span;
            }
            // in the columns the kept ones choose: the width they had, while it fits
            SeriesPoints full = ring.window(from, to, columns, kept.width());
            SeriesPoints incremental = ring.window(from, to, columns, kept);
            String where = "seed " + seed + ", step " + step + ", [" + from + ", " + to + "] on " + columns;
            assertArrayEquals(full.times(), incremental.times(), where);
            assertArrayEquals(full.values(), incremental.values(), where);
            assertEquals(full.raw(), incremental.raw(), where);
            if (full.decimated()) {
                decimated++;
            }
        }
        assertTrue(decimated > STEPS / 2, "too few decimated reads to prove anything: " + decimated);
    }

    /** A batch of points up to 8 ms apart (ties too), sometimes a little out of order, like racing receive threads. */
    private static long append(SeriesRing ring, Random random, long now) {
        int points = random.nextInt(random.nextBoolean() ? 50 : 3_000);
        long time = now;
        for (int i = 0; i < points; i++) {
            time += random.nextInt(4) == 0 ? 0 : random.nextInt(8);
            long filed = random.nextInt(50) == 0 ? time - random.nextInt(500) : time;
            ring.add(filed, random.nextInt(20) == 0 ? Double.NaN : Math.sin(time / 700.0) + random.nextGaussian());
        }
        ring.publish();
        return time;
    }

    @Test
    void aReadFoldsOnlyTheNewPointsAndTheOneColumnThatLostSome() {
        SeriesRing ring = new SeriesRing(10_000);
        SeriesColumns kept = new SeriesColumns();
        for (int i = 0; i < 10_000; i++) {
            ring.add(i, Math.sin(i / 50.0));
        }
        ring.window(0, 9_999, 100, kept);
        assertEquals(10_000, kept.folded(), "the first read folds every point");
        long width = kept.width();

        for (int i = 10_000; i < 10_050; i++) {
            ring.add(i, Math.sin(i / 50.0));
        }
        SeriesPoints incremental = ring.window(50, 10_049, 100, kept);

        assertEquals(width, kept.width(), "the columns changed width");
        long refolded = kept.folded() - 10_000 - 50;
        assertTrue(refolded >= 0 && refolded < width, "50 new points and what is left of the oldest column: "
                + (kept.folded() - 10_000));
        assertArrayEquals(ring.window(50, 10_049, 100, width).times(), incremental.times());
    }

    @Test
    void aRangeWithFewPointsIsDrawnWhole() {
        SeriesRing ring = new SeriesRing(100);
        long[] times = {100, 200, 300};
        for (long time : times) {
            ring.add(time, time / 100.0);
        }

        SeriesPoints points = ring.window(0, 1_000, 10, new SeriesColumns());

        assertArrayEquals(times, points.times());
        assertArrayEquals(new double[] {1, 2, 3}, points.values());
    }
}
