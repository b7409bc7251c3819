package io.fieldbench.shell.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.andrewauclair.moderndocking.layouts.ApplicationLayout;
import io.github.andrewauclair.moderndocking.layouts.DockingLayoutNode;
import io.github.andrewauclair.moderndocking.layouts.DockingSimplePanelNode;
import io.github.andrewauclair.moderndocking.layouts.DockingSplitPanelNode;
import io.github.andrewauclair.moderndocking.layouts.DockingTabPanelNode;
import io.github.andrewauclair.moderndocking.layouts.WindowLayout;

/**
 * A layout read back from disk, with the views it mentions: those it docks (id → remembered tab
 * title) and those the user had closed.
 */
record SavedLayout(ApplicationLayout layout, Map<String, String> dockedViews, Set<String> closedViews) {

    SavedLayout {
        dockedViews = Map.copyOf(dockedViews);
        closedViews = Set.copyOf(closedViews);
    }

    static SavedLayout of(ApplicationLayout layout, Set<String> closedViews) {
        Map<String, String> docked = new LinkedHashMap<>();
        collect(layout.getMainFrameLayout(), docked);
        layout.getFloatingFrameLayouts().forEach(window -> collect(window, docked));
        return new SavedLayout(layout, docked, closedViews);
    }

    private static void collect(WindowLayout window, Map<String, String> docked) {
        if (window == null) {
            return;
        }
        collect(window.getRootNode(), docked);
        window.getWestAutoHideToolbarIDs().forEach(id -> docked.putIfAbsent(id, id));
        window.getEastAutoHideToolbarIDs().forEach(id -> docked.putIfAbsent(id, id));
        window.getSouthAutoHideToolbarIDs().forEach(id -> docked.putIfAbsent(id, id));
        if (window.getMaximizedDockable() != null) {
            docked.putIfAbsent(window.getMaximizedDockable(), window.getMaximizedDockable());
        }
    }

    private static void collect(DockingLayoutNode node, Map<String, String> docked) {
        if (node instanceof DockingSimplePanelNode simple) {
            docked.put(simple.getPersistentID(), simple.getTabText());
        } else if (node instanceof DockingTabPanelNode tabs) {
            tabs.getPersistentIDs().forEach(tab -> docked.put(tab.getPersistentID(), tab.getTabText()));
        } else if (node instanceof DockingSplitPanelNode split) {
            collect(split.getLeft(), docked);
            collect(split.getRight(), docked);
        }
        // anchors are never created by the shell, so a layout it wrote holds none
    }
}
