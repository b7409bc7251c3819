package io.fieldbench.probe;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.SwingConstants;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;

/** A view that exists only to be docked and undocked by the tests. */
@Component(property = WorkbenchView.DOCK_POSITION + "=east")
public class ProbeView implements WorkbenchView {

    public static final String ID = "probe";

    @Reference
    private Workbench workbench;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Probe";
    }

    @Override
    public JComponent createComponent() {
        return new JLabel("Probe view: contributed by a hot-deployed bundle", SwingConstants.CENTER);
    }
}
