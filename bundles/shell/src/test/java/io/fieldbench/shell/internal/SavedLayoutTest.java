package io.fieldbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.JSplitPane;

import org.junit.jupiter.api.Test;

import io.github.andrewauclair.moderndocking.layouts.ApplicationLayout;
import io.github.andrewauclair.moderndocking.layouts.DockingSimplePanelNode;
import io.github.andrewauclair.moderndocking.layouts.DockingSplitPanelNode;
import io.github.andrewauclair.moderndocking.layouts.DockingTabPanelNode;
import io.github.andrewauclair.moderndocking.layouts.WindowLayout;

class SavedLayoutTest {

    @Test
    void collectsEveryDockedViewWithItsTitle() {
        DockingTabPanelNode tabs = new DockingTabPanelNode(null, "settings", "x", "", "Settings", "Settings");
        tabs.addTab("chart", "x", "", "Chart", "Chart");
        DockingSimplePanelNode modules = new DockingSimplePanelNode(null, "modules", "x", "", "Modules", "Modules");
        DockingSplitPanelNode split = new DockingSplitPanelNode(null, modules, tabs, JSplitPane.HORIZONTAL_SPLIT, 0.25, "");
        WindowLayout window = new WindowLayout(split);
        window.setSouthAutoHideToolbarIDs(List.of("log"));

        SavedLayout saved = SavedLayout.of(new ApplicationLayout(window), Set.of("files"));

        assertEquals(Map.of("modules", "Modules", "settings", "Settings", "chart", "Chart", "log", "log"),
                saved.dockedViews());
        assertEquals(Set.of("files"), saved.closedViews());
    }
}
