package io.fieldbench.shell.ui.log;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogReaderService;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;

/** The bench's log (OSGi Log), docked at the bottom of the workbench. */
@Component(property = WorkbenchView.DOCK_POSITION + "=south")
public final class LogView implements WorkbenchView {

    static final String ID = "log";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private LogReaderService reader;

    private final LogIntake intake = new LogIntake();
    private volatile LogPanel panel;

    @Activate
    void activate() {
        intake.open(reader);
    }

    @Deactivate
    void deactivate() {
        intake.close(reader);
        LogPanel shown = panel;
        if (shown != null) {
            SwingUtilities.invokeLater(shown::stop);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Log";
    }

    @Override
    public JComponent createComponent() {
        LogPanel created = new LogPanel(intake);
        panel = created;
        return created;
    }
}
