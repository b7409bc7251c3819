package io.fieldbench.shell.ui.log;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogReaderService;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.view.support.PanelView;

/** The bench's log (OSGi Log), docked at the bottom of the workbench. */
@Component(service = WorkbenchView.class, property = WorkbenchView.DOCK_POSITION + "=south")
public final class LogView extends PanelView<LogPanel> {

    static final String ID = "log";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private LogReaderService reader;

    private final LogIntake intake = new LogIntake();

    public LogView() {
        super(ID, "Log");
    }

    @Activate
    void activate() {
        intake.open(reader);
    }

    @Deactivate
    void deactivate() {
        intake.close(reader);
        closePanel(LogPanel::stop);
    }

    @Override
    protected LogPanel createPanel() {
        return new LogPanel(intake);
    }
}
