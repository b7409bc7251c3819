package io.fieldbench.shell.internal;

import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import org.osgi.service.log.Logger;

import io.github.andrewauclair.moderndocking.api.AppStateAPI;
import io.github.andrewauclair.moderndocking.api.DockingAPI;
import io.github.andrewauclair.moderndocking.exception.DockingLayoutException;

/**
 * Keeps the dock layout in one file. While the window is in use, Modern Docking's auto-persistence
 * rewrites the file shortly after every change; when the bench shuts down the store is frozen
 * first, because bundles stopping one by one take their views away and that must not be saved as
 * the user's layout. Call everything on the EDT.
 * <p>
 * It works on the docking instance of the current window, never through the library's static
 * facades ({@code AppState}, {@code DockingState}, {@code LayoutPersistence}): those bind to the
 * first instance for good, and the shell makes a new one each time its bundle starts.
 */
final class LayoutStore {

    private final DockingAPI docking;
    private final File file;
    private final Logger logger;

    LayoutStore(DockingAPI docking, File file, Logger logger) {
        this.docking = docking;
        this.file = file;
        this.logger = logger;
    }

    /** The layout saved last time; empty on first start or when the file cannot be read (the reason is logged). */
    Optional<SavedLayout> load() {
        if (!file.isFile()) {
            return Optional.empty();
        }
        try {
            Set<String> closed = ClosedViewsReader.read(file.toPath());
            return Optional.of(SavedLayout.of(docking.getLayoutPersistence().loadApplicationLayoutFromFile(file), closed));
        } catch (DockingLayoutException | IOException | XMLStreamException | RuntimeException e) {
            logger.warn("Cannot read the dock layout {}; starting with the default layout", file, e);
            return Optional.empty();
        }
    }

    /** Saves every change from now on. */
    void follow() {
        AppStateAPI appState = docking.getAppState();
        appState.setPersistFile(file);
        appState.setAutoPersist(true);
        appState.setPaused(false);
    }

    /** Saves the layout as it is now and ignores changes from now on. */
    void freeze() {
        AppStateAPI appState = docking.getAppState();
        if (!appState.isAutoPersist()) {
            return;
        }
        // paused as well: a save already scheduled by the library checks only this flag
        appState.setPaused(true);
        appState.setAutoPersist(false);
        save();
    }

    private void save() {
        try {
            File parent = file.getParentFile();
            if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
                logger.warn("Cannot create {} to save the dock layout", parent);
                return;
            }
            docking.getLayoutPersistence().saveLayoutToFile(file, docking.getDockingState().getApplicationLayout());
        } catch (DockingLayoutException | RuntimeException e) {
            logger.warn("Cannot save the dock layout to {}", file, e);
        }
    }
}
