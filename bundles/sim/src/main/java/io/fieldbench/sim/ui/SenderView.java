package io.fieldbench.sim.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.sim.internal.SimulatorControl;
import io.fieldbench.view.support.PanelView;

/** The Sender view: send a datagram once or as a heartbeat and see the replies; run the device simulator. */
@Component(service = WorkbenchView.class, property = WorkbenchView.DOCK_POSITION + "=east")
public final class SenderView extends PanelView<SenderPanel> {

    static final String ID = "sender";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private SimulatorControl simulator;

    public SenderView() {
        super(ID, "Sender");
    }

    @Override
    protected SenderPanel createPanel() {
        return new SenderPanel(simulator);
    }

    @Deactivate
    void deactivate() {
        closePanel(SenderPanel::dispose);
    }
}
