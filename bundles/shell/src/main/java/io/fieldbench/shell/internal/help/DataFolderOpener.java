package io.fieldbench.shell.internal.help;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Opens the data folder in the desktop's file manager, on a thread of its own: the desktop may take
 * its time (or load its libraries first), and the window must not wait.
 */
public final class DataFolderOpener {

    /** Opens a folder, or says why it cannot. */
    @FunctionalInterface
    interface FolderOpener {
        /** @throws UnsupportedOperationException where the desktop cannot open folders */
        void open(Path folder) throws IOException;
    }

    private final FolderOpener opener;
    private final Executor worker;
    private final Consumer<String> problem;

    /** @param problem told one line when the folder cannot be opened; called on the worker */
    public DataFolderOpener(Executor worker, Consumer<String> problem) {
        this(DataFolderOpener::openOnDesktop, worker, problem);
    }

    DataFolderOpener(FolderOpener opener, Executor worker, Consumer<String> problem) {
        this.opener = opener;
        this.worker = worker;
        this.problem = problem;
    }

    public void open(Path folder) {
        try {
            worker.execute(() -> openNow(folder));
        } catch (RejectedExecutionException closing) {
            // the window is going away
        }
    }

    private void openNow(Path folder) {
        try {
            opener.open(folder);
        } catch (UnsupportedOperationException e) {
            problem.accept("This desktop cannot open folders; the data folder is " + folder);
        } catch (IOException | RuntimeException e) {
            problem.accept("Cannot open the data folder " + folder + ": "
                    + Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    private static void openOnDesktop(Path folder) throws IOException {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new UnsupportedOperationException();
        }
        Desktop.getDesktop().open(folder.toFile());
    }
}
