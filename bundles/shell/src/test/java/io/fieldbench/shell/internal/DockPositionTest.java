package io.fieldbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DockPositionTest {

    @Test
    void readsThePropertyIgnoringCaseAndBlanks() {
        assertEquals(DockPosition.WEST, DockPosition.of("west"));
        assertEquals(DockPosition.EAST, DockPosition.of(" East "));
        assertEquals(DockPosition.SOUTH, DockPosition.of("SOUTH"));
    }

    @Test
    void missingOrUnknownDocksInTheCenter() {
        assertEquals(DockPosition.CENTER, DockPosition.of(null));
        assertEquals(DockPosition.CENTER, DockPosition.of("north"));
        assertEquals(DockPosition.CENTER, DockPosition.of(42));
    }
}
