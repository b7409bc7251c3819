package io.fieldbench.view.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.fieldbench.api.settings.SettingsFiles;

/**
 * Writes a component's settings into its file ({@code <data>/etc/<pid>.cfg}) on a view's own
 * thread, never on the EDT, in the order they were asked; the component takes them from the file.
 */
public final class SettingsWriter {

    private final SettingsFiles files;
    private final String pid;
    private final Executor worker;

    public SettingsWriter(SettingsFiles files, String pid, Executor worker) {
        this.files = files;
        this.pid = pid;
        this.worker = worker;
    }

    /** Writes these keys, the others kept; the future fails with the write's problem. */
    public CompletableFuture<Void> write(Map<String, String> values) {
        return CompletableFuture.runAsync(() -> {
            try {
                files.write(pid, values, Set.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, worker);
    }
}
