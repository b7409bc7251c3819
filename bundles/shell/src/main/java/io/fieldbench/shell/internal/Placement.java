package io.fieldbench.shell.internal;

import java.util.Set;

import io.github.andrewauclair.moderndocking.DockingRegion;

/**
 * Where to dock a view that has no remembered place: next to a docked view of some position, or at
 * an edge of the window. The rules give the same picture whatever order views arrive in: south spans
 * the full width, west and east flank the center, views of one position share a tab group.
 *
 * @param besideView the position of a docked view to dock next to; {@code null} for the window itself
 * @param region     the side of that target
 * @param share      the fraction of the target's space the new view takes
 */
record Placement(DockPosition besideView, DockingRegion region, double share) {

    /** The part of the window a side view (west, east) takes. */
    static final double SIDE_SHARE = 0.25;
    /** The part of the window the south views (log, settings) take: room for a dozen log lines at 1280×800. */
    static final double SOUTH_SHARE = 0.4;
    /** Two side views splitting one area halve it. */
    static final double HALF = 0.5;

    /**
     * Decides where a view of this position goes.
     *
     * @param docked      the positions of the views docked now
     * @param windowEmpty whether nothing at all is docked (places held for absent views count as docked)
     */
    static Placement of(DockPosition position, Set<DockPosition> docked, boolean windowEmpty) {
        if (docked.contains(position)) {
            return new Placement(position, DockingRegion.CENTER, HALF);
        }
        if (windowEmpty) {
            return new Placement(null, DockingRegion.CENTER, 1.0);
        }
        return switch (position) {
            case SOUTH -> new Placement(null, DockingRegion.SOUTH, SOUTH_SHARE);
            case CENTER -> centerOf(docked);
            case WEST -> sideOf(DockingRegion.WEST, DockPosition.EAST, docked);
            case EAST -> sideOf(DockingRegion.EAST, DockPosition.WEST, docked);
        };
    }

    private static Placement centerOf(Set<DockPosition> docked) {
        if (docked.contains(DockPosition.WEST)) {
            return new Placement(DockPosition.WEST, DockingRegion.EAST, 1 - SIDE_SHARE);
        }
        if (docked.contains(DockPosition.EAST)) {
            return new Placement(DockPosition.EAST, DockingRegion.WEST, 1 - SIDE_SHARE);
        }
        if (docked.contains(DockPosition.SOUTH)) {
            return aboveSouth();
        }
        return new Placement(null, DockingRegion.EAST, 1 - SIDE_SHARE);
    }

    private static Placement sideOf(DockingRegion region, DockPosition opposite, Set<DockPosition> docked) {
        if (!docked.contains(DockPosition.SOUTH)) {
            return new Placement(null, region, SIDE_SHARE);
        }
        // south spans the window: a side view goes beside the main area, above the south view
        if (docked.contains(DockPosition.CENTER)) {
            return new Placement(DockPosition.CENTER, region, SIDE_SHARE);
        }
        if (docked.contains(opposite)) {
            return new Placement(opposite, region, HALF);
        }
        return aboveSouth();
    }

    private static Placement aboveSouth() {
        return new Placement(DockPosition.SOUTH, DockingRegion.NORTH, 1 - SOUTH_SHARE);
    }
}
