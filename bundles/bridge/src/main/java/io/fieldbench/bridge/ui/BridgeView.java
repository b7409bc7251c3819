package io.fieldbench.bridge.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.bridge.internal.Bridge;
import io.fieldbench.view.support.PanelView;

/**
 * The Bridge view: what {@code bridge:status} says, refreshed every second (the status is a
 * snapshot the bridge keeps, so reading it never waits). The settings are in the Settings view.
 */
@Component(service = WorkbenchView.class, property = WorkbenchView.DOCK_POSITION + "=south")
public final class BridgeView extends PanelView<BridgePanel> {

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private Bridge bridge;

    public BridgeView() {
        super("bridge", "Bridge");
    }

    @Override
    protected BridgePanel createPanel() {
        return new BridgePanel(() -> String.join("\n", bridge.status().lines()));
    }

    @Deactivate
    void deactivate() {
        closePanel(BridgePanel::stop);
    }
}
