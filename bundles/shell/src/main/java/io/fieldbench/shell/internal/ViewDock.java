package io.fieldbench.shell.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.swing.JComponent;
import javax.swing.JFrame;

import org.osgi.service.log.Logger;

import io.fieldbench.api.workbench.WorkbenchView;
import io.github.andrewauclair.moderndocking.DockingRegion;
import io.github.andrewauclair.moderndocking.api.DockingAPI;

/**
 * Docks the views that come and go into the main window, and remembers their places through the
 * layout store. Everything here runs on the EDT.
 * <p>
 * A restored layout may name views whose bundles start later (or never): each gets a waiting
 * {@link ViewDockable} that the view fills when it arrives. Those still empty after
 * {@link #dropWaiting()} are removed, so an absent bundle never breaks the layout.
 */
final class ViewDock {

    private final DockingAPI docking;
    private final JFrame frame;
    private final Logger logger;
    private final Map<String, ViewDockable> dockables = new LinkedHashMap<>();
    /** Views the user had closed when the layout was saved: they stay closed when they arrive. */
    private final Set<String> closedByUser = new HashSet<>();
    private final LastPlaces lastPlaces;

    ViewDock(DockingAPI docking, JFrame frame, Logger logger) {
        this.docking = docking;
        this.frame = frame;
        this.logger = logger;
        lastPlaces = new LastPlaces(docking, frame);
        docking.addDockingListener(lastPlaces);
    }

    /** Restores a saved layout, holding places for the views it names. */
    void restore(SavedLayout saved) {
        saved.dockedViews().forEach(this::hold);
        saved.closedViews().forEach(id -> hold(id, id));
        closedByUser.addAll(saved.closedViews());
        try {
            docking.getDockingState().restoreApplicationLayout(saved.layout());
        } catch (RuntimeException e) {
            logger.warn("The saved dock layout does not fit; starting with the default layout", e);
            dropWaiting();
        }
    }

    private void hold(String id, String title) {
        if (!dockables.containsKey(id)) {
            ViewDockable waiting = new ViewDockable(id, title);
            docking.registerDockable(waiting);
            dockables.put(id, waiting);
        }
    }

    /** Removes the places held for views that did not arrive. */
    void dropWaiting() {
        List<ViewDockable> waiting = dockables.values().stream().filter(ViewDockable::isWaiting).toList();
        for (ViewDockable dockable : waiting) {
            logger.info("View {} is not available; removed it from the layout", dockable.getPersistentID());
            forget(dockable);
        }
    }

    /** Docks an arriving view in its held place, or by its position when it has none. */
    void add(WorkbenchView view, DockPosition position) {
        ViewDockable dockable = dockables.get(view.id());
        if (dockable != null && !dockable.isWaiting()) {
            logger.warn("Two views share the id {}; showing only the first", view.id());
            return;
        }
        JComponent component;
        try {
            component = view.createComponent();
        } catch (RuntimeException e) {
            logger.error("View {} failed to build its component", view.id(), e);
            return;
        }
        if (dockable == null) {
            dockable = new ViewDockable(view.id(), view.title());
            dockable.attach(view, position, component);
            docking.registerDockable(dockable);
            dockables.put(view.id(), dockable);
            if (!closedByUser.contains(view.id())) {
                place(dockable);
            }
        } else {
            dockable.attach(view, position, component);
            docking.updateTabInfo(dockable);
        }
    }

    /** Undocks a departing view and lets go of its component. */
    void remove(WorkbenchView view) {
        ViewDockable dockable = dockables.get(view.id());
        if (dockable != null && dockable.view() == view) {
            forget(dockable);
        }
    }

    /** Brings a view to the front, docking it first if the user had closed it. */
    void show(String viewId) {
        ViewDockable dockable = dockables.get(viewId);
        if (dockable == null || dockable.isWaiting()) {
            return;
        }
        closedByUser.remove(viewId);
        if (!docking.isDocked(dockable)) {
            place(dockable);
        }
        docking.display(dockable);
    }

    /** The views present now, in arrival order. */
    List<ViewDockable> views() {
        return dockables.values().stream().filter(d -> !d.isWaiting()).toList();
    }

    /** Takes every view out of the window before it is disposed. */
    void clear() {
        docking.removeDockingListener(lastPlaces);
        new ArrayList<>(dockables.values()).forEach(this::forget);
    }

    private void forget(ViewDockable dockable) {
        if (docking.isDocked(dockable)) {
            docking.undock(dockable);
        }
        docking.deregisterDockable(dockable);
        dockable.detach();
        dockables.remove(dockable.getPersistentID());
    }

    private void place(ViewDockable dockable) {
        if (!returnToGroupLeft(dockable)) {
            placeByPosition(dockable);
        }
    }

    /** Docks the view back into the tab group it left, at its old tab; false when none of that group is docked. */
    private boolean returnToGroupLeft(ViewDockable dockable) {
        String id = dockable.getPersistentID();
        List<String> group = lastPlaces.groupLeft(id);
        Optional<ViewDockable> neighbour = group.stream().filter(other -> !other.equals(id))
                .map(dockables::get).filter(this::isShownView).findFirst();
        if (neighbour.isEmpty()) {
            return false;
        }
        docking.dock(dockable, neighbour.get(), DockingRegion.CENTER);
        // a docked tab goes to the end of its group: the tabs that stood after this one go behind it again
        for (String after : group.subList(group.indexOf(id) + 1, group.size())) {
            ViewDockable tab = dockables.get(after);
            if (isShownView(tab) && lastPlaces.groupNow(id).contains(after)) {
                docking.undock(tab);
                docking.dock(tab, dockable, DockingRegion.CENTER);
            }
        }
        return true;
    }

    private boolean isShownView(ViewDockable dockable) {
        return dockable != null && !dockable.isWaiting() && docking.isDocked(dockable);
    }

    private void placeByPosition(ViewDockable dockable) {
        Set<DockPosition> docked = EnumSet.noneOf(DockPosition.class);
        boolean windowEmpty = true;
        for (ViewDockable other : dockables.values()) {
            if (other != dockable && docking.isDocked(other)) {
                windowEmpty = false;
                if (!other.isWaiting()) {
                    docked.add(other.position());
                }
            }
        }
        Placement placement = Placement.of(dockable.position(), docked, windowEmpty);
        Optional<ViewDockable> target = dockables.values().stream()
                .filter(other -> other != dockable && !other.isWaiting() && docking.isDocked(other))
                .filter(other -> other.position() == placement.besideView())
                .findFirst();
        if (target.isPresent()) {
            docking.dock(dockable, target.get(), placement.region(), placement.share());
        } else {
            docking.dock(dockable, frame, placement.region(), placement.share());
        }
    }
}
