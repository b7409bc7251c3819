package io.fieldbench.chart.internal;

/**
 * The columns a time range is decimated in: {@code width} milliseconds each, aligned to multiples
 * of the width in absolute time rather than to the range's start, so that a range that scrolls
 * keeps its columns and only the new ones need filling. The width is the largest of 1, 2, 3, 4,
 * 6, 8, 12, 16, … ms (2<sup>k</sup> and 3·2<sup>k</sup>) that is no wider than a pixel column: a
 * range keeps its width while its span drifts, and a column never spans two pixels' worth of
 * time. The columns {@code first..last} cover the range.
 *
 * @param width milliseconds per column
 * @param first the column of the range's start
 * @param last  the column of the range's end
 */
record ColumnGrid(long width, long first, long last) {

    /** The grid for {@code [from, to]} drawn on {@code pixels} pixel columns. */
    static ColumnGrid of(long from, long to, int pixels) {
        return of(from, to, pixels, 0);
    }

    /**
     * As {@link #of(long, long, int)}, but keeping {@code keptWidth} (0: none) while it still fits,
     * no wider than a pixel and more than half as wide: a span that hovers about a step of the
     * ladder ("All" while the ring evicts) then keeps its columns instead of switching widths, and
     * folding everything again, back and forth.
     */
    static ColumnGrid of(long from, long to, int pixels, long keptWidth) {
        long perPixel = Math.max(1, (to - from) / Math.max(1, pixels));
        long width = keptWidth <= perPixel && keptWidth * 2 > perPixel ? keptWidth : ladderWidth(perPixel);
        return new ColumnGrid(width, Math.floorDiv(from, width), Math.floorDiv(to, width));
    }

    private static long ladderWidth(long perPixel) {
        long power = Long.highestOneBit(perPixel);
        return power >= 2 && perPixel >= power + power / 2 ? power + power / 2 : power;
    }

    /** The column a time falls in. */
    long column(long time) {
        return Math.floorDiv(time, width);
    }

    /** The first time the grid covers. */
    long start() {
        return first * width;
    }

    /** The first time after the grid. */
    long end() {
        return (last + 1) * width;
    }
}
