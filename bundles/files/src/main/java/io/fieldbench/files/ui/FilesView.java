package io.fieldbench.files.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.settings.SettingsFiles;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.files.internal.FileServer;
import io.fieldbench.support.DaemonThreads;
import io.fieldbench.view.support.PanelView;
import io.fieldbench.view.support.SettingsWriter;

/**
 * The Files view: the shared folder (chosen here, saved to {@code etc/io.fieldbench.files.cfg}),
 * its files, the transfers under way with their progress, and the recent refusals. The service is
 * asked off the EDT ({@link FilesPanel} shows what came back).
 */
@Component(service = WorkbenchView.class, property = WorkbenchView.DOCK_POSITION + "=center")
public final class FilesView extends PanelView<FilesPanel> {

    static final String ID = "files";
    static final String FOLDER_KEY = "shared.folder";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private FileServer server;

    @Reference
    private SettingsFiles settingsFiles;

    private ExecutorService worker;

    public FilesView() {
        super(ID, "Files");
    }

    @Activate
    void activate() {
        worker = Executors.newSingleThreadExecutor(DaemonThreads.named("fieldbench-files-view"));
    }

    @Deactivate
    void deactivate() {
        closePanel(FilesPanel::stop);
        worker.shutdownNow();
    }

    @Override
    protected FilesPanel createPanel() {
        return new FilesPanel(this::snapshot, this::share, server::start, server::stop);
    }

    /** What the panel shows, read off the EDT. */
    private CompletableFuture<FilesSnapshot> snapshot() {
        return CompletableFuture.supplyAsync(() -> new FilesSnapshot(server.status(), server.files(FilesPanel.LISTED_FILES),
                server.refusals(FilesPanel.LISTED_REFUSALS)), worker);
    }

    /** Saves the chosen folder where the service reads its settings; the service picks it up from the file. */
    private CompletableFuture<Void> share(Path folder) {
        return new SettingsWriter(settingsFiles, FileServer.PID, worker).write(Map.of(FOLDER_KEY, folder.toString()));
    }

    /** Everything the panel needs for one refresh. */
    record FilesSnapshot(io.fieldbench.files.internal.FilesStatus status, List<String> files,
            List<io.fieldbench.files.internal.Refusal> refusals) {
    }
}
