package io.fieldbench.files.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.settings.SettingsFiles;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.files.internal.FileServer;
import io.fieldbench.support.DaemonThreads;

/**
 * The Files view: the shared folder (chosen here, saved to {@code etc/io.fieldbench.files.cfg}),
 * its files, the transfers under way with their progress, and the recent refusals. The service is
 * asked off the EDT ({@link FilesPanel} shows what came back).
 */
@Component(service = WorkbenchView.class, property = WorkbenchView.DOCK_POSITION + "=center")
public final class FilesView implements WorkbenchView {

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
    private volatile FilesPanel panel;

    @Activate
    void activate() {
        worker = Executors.newSingleThreadExecutor(DaemonThreads.named("fieldbench-files-view"));
    }

    @Deactivate
    void deactivate() {
        FilesPanel shown = panel;
        panel = null;
        if (shown != null) {
            SwingUtilities.invokeLater(shown::stop);
        }
        worker.shutdownNow();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Files";
    }

    @Override
    public JComponent createComponent() {
        FilesPanel created = new FilesPanel(this::snapshot, this::share, server::start, server::stop);
        panel = created;
        return created;
    }

    /** What the panel shows, read off the EDT. */
    private CompletableFuture<FilesSnapshot> snapshot() {
        return CompletableFuture.supplyAsync(() -> new FilesSnapshot(server.status(), server.files(FilesPanel.LISTED_FILES),
                server.refusals(FilesPanel.LISTED_REFUSALS)), worker);
    }

    /** Saves the chosen folder where the service reads its settings; the service picks it up from the file. */
    private CompletableFuture<Void> share(Path folder) {
        return CompletableFuture.runAsync(() -> {
            try {
                settingsFiles.write(FileServer.PID, Map.of(FOLDER_KEY, folder.toString()), Set.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, worker);
    }

    /** Everything the panel needs for one refresh. */
    record FilesSnapshot(io.fieldbench.files.internal.FilesStatus status, List<String> files,
            List<io.fieldbench.files.internal.Refusal> refusals) {
    }
}
