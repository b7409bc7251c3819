package io.fieldbench.shell.internal;

import java.util.Locale;

import io.fieldbench.api.workbench.WorkbenchView;

/** Where a view docks when the saved layout has no place for it: the {@link WorkbenchView#DOCK_POSITION} values. */
enum DockPosition {
    CENTER, WEST, EAST, SOUTH;

    /** Reads the service property; a missing or unknown value docks in the center, as the API promises. */
    static DockPosition of(Object property) {
        if (property instanceof String text) {
            for (DockPosition position : values()) {
                if (position.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return position;
                }
            }
        }
        return CENTER;
    }
}
