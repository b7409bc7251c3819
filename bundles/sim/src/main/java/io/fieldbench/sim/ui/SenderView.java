package io.fieldbench.sim.ui;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.sim.internal.SimulatorControl;

/** The Sender view: send a datagram once or as a heartbeat and see the replies; run the device simulator. */
@Component(property = WorkbenchView.DOCK_POSITION + "=east")
public final class SenderView implements WorkbenchView {

    static final String ID = "sender";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private SimulatorControl simulator;

    private volatile SenderPanel panel;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Sender";
    }

    @Override
    public JComponent createComponent() {
        SenderPanel created = new SenderPanel(simulator);
        panel = created;
        return created;
    }

    @Deactivate
    void deactivate() {
        SenderPanel shown = panel;
        if (shown != null) {
            SwingUtilities.invokeLater(shown::dispose);
        }
    }
}
