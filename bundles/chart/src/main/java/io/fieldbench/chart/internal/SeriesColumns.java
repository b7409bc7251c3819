package io.fieldbench.chart.internal;

/**
 * One series' decimated columns, kept from one read of a chart to the next so that a read costs in
 * proportion to what changed: the points appended since are folded into the newest columns, the
 * columns that scrolled out of the range or whose points all left the ring are dropped, and a
 * column that lost only some of its points to the ring is folded again from those that remain.
 * What it draws is exactly what a full decimation of the same points draws
 * in the same columns ({@link SeriesRing#window(long, long, int, long)}). A change of column width
 * (zoom, resize) or a range that moved back in time folds everything again. Points are known by their sequence number in
 * the ring, which a point keeps while the ring moves on, so a ring that started afresh (a replay
 * from the start) needs nothing special: its new points come after every column kept.
 * <p>
 * Used under the ring's lock, by {@link SeriesRing#window(long, long, int, SeriesColumns)}.
 */
final class SeriesColumns {

    private ColumnRun run;
    /** The ring's points folded into the run: sequence numbers {@code [low, high)}. */
    private long low;
    private long high;
    /** Points folded so far, again or for the first time: what the reads cost. */
    private long folded;

    /** The width of the columns kept, or 0 before the first read. */
    long width() {
        return run == null ? 0 : run.width();
    }

    long folded() {
        return folded;
    }

    /** The decimated points of the grid's columns, and the point just outside each end. */
    SeriesPoints read(SeriesRing ring, ColumnGrid grid) {
        long needLow = ring.seqAt(grid.start());
        long needHigh = ring.seqAt(grid.end());
        if (run == null || run.width() != grid.width() || needLow < low || needHigh < high) {
            run = new ColumnRun(grid.width());
            low = needLow;
            high = needLow;
        }
        dropBefore(ring, needLow);
        long from = Math.max(high, needLow);
        for (long seq = from; seq < needHigh; seq++) {
            run.add(seq, ring.time(seq), ring.value(seq));
        }
        folded += Math.max(0, needHigh - from);
        low = needLow;
        high = needHigh;
        return points(ring, needLow, needHigh);
    }

    /** Drops what lies before {@code needLow}: columns that scrolled out, or points the ring let go. */
    private void dropBefore(SeriesRing ring, long needLow) {
        while (!run.isEmpty() && run.oldestEndSeq() <= needLow) {
            run.dropOldest();
        }
        if (!run.isEmpty() && run.oldestSeq() < needLow) {
            long end = run.oldestEndSeq();
            run.restartOldest(needLow, ring.time(needLow), ring.value(needLow));
            for (long seq = needLow + 1; seq < end; seq++) {
                run.foldOldest(ring.time(seq), ring.value(seq));
            }
            folded += end - needLow;
        }
    }

    private SeriesPoints points(SeriesRing ring, long needLow, long needHigh) {
        PointsBuilder out = new PointsBuilder(run.maxPoints() + 2);
        int raw = (int) (needHigh - needLow);
        if (needLow > ring.firstSeq()) {
            out.add(ring.time(needLow - 1), ring.value(needLow - 1));
            raw++;
        }
        run.emitTo(out);
        if (needHigh < ring.endSeq()) {
            out.add(ring.time(needHigh), ring.value(needHigh));
            raw++;
        }
        return out.build(raw);
    }
}
