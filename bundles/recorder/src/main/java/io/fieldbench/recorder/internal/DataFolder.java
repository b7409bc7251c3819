package io.fieldbench.recorder.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

import io.fieldbench.api.settings.BenchProperties;

/** The bench's data folder, which holds the recordings and where exports go unless the user says otherwise. */
public final class DataFolder {

    private DataFolder() {
    }

    /** The folder the launcher named; {@code ~/.fieldbench}, the launcher's default, when none was named. */
    public static Path of(BundleContext context) {
        String data = context.getProperty(BenchProperties.DATA);
        return data == null || data.isBlank() ? Path.of(System.getProperty("user.home"), ".fieldbench") : Path.of(data);
    }
}
