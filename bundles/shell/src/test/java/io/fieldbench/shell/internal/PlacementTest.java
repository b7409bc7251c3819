package io.fieldbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.andrewauclair.moderndocking.DockingRegion;

class PlacementTest {

    private static final Set<DockPosition> NONE = EnumSet.noneOf(DockPosition.class);

    @Test
    void theFirstViewFillsAnEmptyWindow() {
        assertEquals(new Placement(null, DockingRegion.CENTER, 1.0), Placement.of(DockPosition.WEST, NONE, true));
    }

    @Test
    void aViewJoinsTheTabsOfItsPosition() {
        Placement placement = Placement.of(DockPosition.WEST, EnumSet.of(DockPosition.WEST), false);

        assertEquals(new Placement(DockPosition.WEST, DockingRegion.CENTER, Placement.HALF), placement);
    }

    @Test
    void southAlwaysSpansTheWindow() {
        Placement placement = Placement.of(DockPosition.SOUTH, EnumSet.of(DockPosition.WEST, DockPosition.CENTER), false);

        assertEquals(new Placement(null, DockingRegion.SOUTH, Placement.SOUTH_SHARE), placement);
    }

    @Test
    void givenSouthOnlyWestGoesAboveIt() {
        Placement placement = Placement.of(DockPosition.WEST, EnumSet.of(DockPosition.SOUTH), false);

        assertEquals(new Placement(DockPosition.SOUTH, DockingRegion.NORTH, 1 - Placement.SOUTH_SHARE), placement);
    }

    @Test
    void givenSouthAndCenterWestGoesBesideTheCenter() {
        Placement placement = Placement.of(DockPosition.WEST, EnumSet.of(DockPosition.SOUTH, DockPosition.CENTER), false);

        assertEquals(new Placement(DockPosition.CENTER, DockingRegion.WEST, Placement.SIDE_SHARE), placement);
    }

    @Test
    void withoutSouthASideViewTakesTheWindowEdge() {
        Placement placement = Placement.of(DockPosition.EAST, EnumSet.of(DockPosition.CENTER), false);

        assertEquals(new Placement(null, DockingRegion.EAST, Placement.SIDE_SHARE), placement);
    }

    @Test
    void centerGoesBesideTheWestView() {
        Placement placement = Placement.of(DockPosition.CENTER, EnumSet.of(DockPosition.WEST, DockPosition.SOUTH), false);

        assertEquals(new Placement(DockPosition.WEST, DockingRegion.EAST, 1 - Placement.SIDE_SHARE), placement);
    }

    @Test
    void givenOnlyHeldPlacesCenterDoesNotReplaceThem() {
        Placement placement = Placement.of(DockPosition.CENTER, NONE, false);

        assertEquals(new Placement(null, DockingRegion.EAST, 1 - Placement.SIDE_SHARE), placement);
    }
}
