package io.fieldbench.imagerelay.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.fieldbench.api.settings.SettingsFiles;
import io.fieldbench.imagerelay.relay.ImageRelay;
import io.fieldbench.imagerelay.relay.RelaySettings;
import io.fieldbench.imagerelay.relay.RelayStatus;

/**
 * What the view asks of the relay, the disk and the settings, each run on the view's worker thread
 * and never on the EDT: the panels get a future and show its result when it completes.
 */
final class RelayTasks {

    static final String IMAGES_FOLDER_KEY = "images.folder";

    /** A task that may fail reading or writing a file. */
    private interface Io<T> {
        T run() throws IOException;
    }

    private final ImageRelay relay;
    private final SettingsFiles settingsFiles;
    private final Executor worker;

    RelayTasks(ImageRelay relay, SettingsFiles settingsFiles, Executor worker) {
        this.relay = relay;
        this.settingsFiles = settingsFiles;
        this.worker = worker;
    }

    /** The relay now, with the gallery when {@code withImages}. */
    CompletableFuture<RelaySnapshot> snapshot(boolean withImages) {
        return onWorker(() -> new RelaySnapshot(relay.status(), relay.clients(),
                withImages ? Optional.of(relay.images()) : Optional.empty()));
    }

    /** Start and stop run on the relay's control thread; the view only waits for them. */
    CompletableFuture<RelayStatus> start() {
        return relay.start();
    }

    CompletableFuture<RelayStatus> stop() {
        return relay.stop();
    }

    CompletableFuture<Void> regenerateToken() {
        return onWorker(() -> {
            relay.regenerateToken();
            return null;
        });
    }

    CompletableFuture<Path> imagesFolder() {
        return onWorker(relay::imagesFolder);
    }

    /** Sends the image to one client, or to all when {@code client} is empty; completes with how many it went to. */
    CompletableFuture<Integer> send(Path image, OptionalInt client) {
        return onWorker(() -> relay.send(image, client));
    }

    /**
     * Copies a kept image to where the user chose; a file already there is replaced only when
     * {@code replace}, else the future fails with a {@link FileAlreadyExistsException}.
     */
    CompletableFuture<Path> saveCopy(Path image, Path target, boolean replace) {
        return onWorker(() -> replace ? Files.copy(image, target, StandardCopyOption.REPLACE_EXISTING)
                : Files.copy(image, target));
    }

    /** Writes settings of the relay into its file; call off the EDT (the view's Listen on does). */
    void writeSettings(Map<String, String> values) throws IOException {
        settingsFiles.write(ImageRelay.PID, values, Set.of());
    }

    /** The relay's settings in force; any thread. */
    RelaySettings settings() {
        return relay.settings();
    }

    /** Writes the auto-save folder into {@code etc/<pid>.cfg}; the relay takes it from there. */
    CompletableFuture<Void> useImagesFolder(Path folder) {
        return onWorker(() -> {
            settingsFiles.write(ImageRelay.PID, Map.of(IMAGES_FOLDER_KEY, folder.toString()), Set.of());
            return null;
        });
    }

    private static String said(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already there: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "access denied: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Runs the task on the worker; a file problem fails the future with its one-line message. */
    private <T> CompletableFuture<T> onWorker(Io<T> task) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return task.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(said(e), e);
                }
            }, worker);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Image Relay view is closing", e));
        }
    }
}
