package io.fieldbench.shell.internal.help;

import java.nio.file.Path;

import io.fieldbench.api.settings.BenchProperties;

/**
 * What About tells of this bench.
 *
 * @param version    the bench's version (its bundles share one)
 * @param dataFolder the user's data folder, {@code fieldbench.data}
 */
public record BenchInfo(String version, Path dataFolder) {

    /** Where the core keeps the bench's log in the data folder. */
    public Path logFile() {
        return dataFolder.resolve(BenchProperties.LOG_FILE);
    }
}
