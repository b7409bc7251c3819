package io.fieldbench.shell.internal;

import java.awt.Window;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.andrewauclair.moderndocking.api.DockingAPI;
import io.github.andrewauclair.moderndocking.event.DockingEvent;
import io.github.andrewauclair.moderndocking.event.DockingListener;
import io.github.andrewauclair.moderndocking.layouts.DockingLayoutNode;
import io.github.andrewauclair.moderndocking.layouts.DockingSimplePanelNode;
import io.github.andrewauclair.moderndocking.layouts.DockingSplitPanelNode;
import io.github.andrewauclair.moderndocking.layouts.DockingTabPanelNode;
import io.github.andrewauclair.moderndocking.layouts.WindowLayout;

/**
 * Remembers the tab group each view was in, and where in it, when it left the window (closed by
 * the user, or its module switched off), so that it comes back there instead of at the end of the
 * group its dock position names. The library tells of a view's leaving only once it has gone, so
 * the groups are read after every change. EDT only.
 */
final class LastPlaces implements DockingListener {

    private final DockingAPI docking;
    private final Window frame;
    /** Each docked view's tab group as of the last change, the ids in tab order. */
    private Map<String, List<String>> groups = Map.of();
    private final Map<String, List<String>> left = new HashMap<>();

    LastPlaces(DockingAPI docking, Window frame) {
        this.docking = docking;
        this.frame = frame;
    }

    @Override
    public void dockingChange(DockingEvent event) {
        String id = event.getDockable().getPersistentID();
        if (event.getID() == DockingEvent.ID.UNDOCKED && groups.containsKey(id)) {
            left.put(id, groups.get(id));
        }
        groups = readGroups();
    }

    /** The tab group the view left, in tab order with itself among it; empty when it left none. */
    List<String> groupLeft(String id) {
        return left.getOrDefault(id, List.of());
    }

    /** The ids of the tab group the view is in now; empty when it stands alone. */
    List<String> groupNow(String id) {
        return groups.getOrDefault(id, List.of());
    }

    private Map<String, List<String>> readGroups() {
        Map<String, List<String>> read = new HashMap<>();
        WindowLayout layout = docking.getDockingState().getWindowLayout(frame);
        if (layout != null) {
            collect(layout.getRootNode(), read);
        }
        return read;
    }

    private static void collect(DockingLayoutNode node, Map<String, List<String>> read) {
        if (node instanceof DockingTabPanelNode tabs) {
            List<String> ids = tabs.getPersistentIDs().stream().map(DockingSimplePanelNode::getPersistentID).toList();
            ids.forEach(id -> read.put(id, ids));
        } else if (node instanceof DockingSplitPanelNode split) {
            collect(split.getLeft(), read);
            collect(split.getRight(), read);
        }
    }
}
