package io.fieldbench.recorder.ui;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.recorder.internal.DataFolder;
import io.fieldbench.recorder.internal.Recorder;
import io.fieldbench.recorder.replay.Replayer;
import io.fieldbench.view.support.PanelView;

/** The Recordings view: the recordings with size, time span and devices; export to CSV and replay. */
@Component(service = WorkbenchView.class, property = WorkbenchView.DOCK_POSITION + "=south")
public final class RecordingsView extends PanelView<RecordingsPanel> {

    static final String ID = "recordings";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private Recorder recorder;

    @Reference
    private Replayer replayer;

    private Path dataFolder;

    public RecordingsView() {
        super(ID, "Recordings");
    }

    @Activate
    void activate(BundleContext context) {
        dataFolder = DataFolder.of(context);
    }

    @Override
    protected RecordingsPanel createPanel() {
        return new RecordingsPanel(recorder, replayer, dataFolder);
    }

    @Deactivate
    void deactivate() {
        closePanel(RecordingsPanel::dispose);
    }
}
