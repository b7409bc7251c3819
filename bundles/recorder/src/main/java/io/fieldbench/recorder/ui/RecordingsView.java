package io.fieldbench.recorder.ui;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.recorder.internal.Recorder;
import io.fieldbench.recorder.replay.Replayer;

/** The Recordings view: the recordings with size, time span and devices; export to CSV and replay. */
@Component(property = WorkbenchView.DOCK_POSITION + "=south")
public final class RecordingsView implements WorkbenchView {

    static final String ID = "recordings";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private Recorder recorder;

    @Reference
    private Replayer replayer;

    private volatile RecordingsPanel panel;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Recordings";
    }

    @Override
    public JComponent createComponent() {
        RecordingsPanel created = new RecordingsPanel(recorder, replayer);
        panel = created;
        return created;
    }

    @Deactivate
    void deactivate() {
        RecordingsPanel shown = panel;
        if (shown != null) {
            SwingUtilities.invokeLater(shown::dispose);
        }
    }
}
