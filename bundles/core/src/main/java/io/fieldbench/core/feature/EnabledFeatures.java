package io.fieldbench.core.feature;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.fieldbench.support.AtomicFiles;

/** The features the user chose, kept in the data directory so the choice survives a restart. */
final class EnabledFeatures {

    private static final String KEY = "enabled";

    private final Path file;

    EnabledFeatures(Path file) {
        this.file = file;
    }

    /** The saved choice, or empty when the user never chose. */
    Optional<Set<String>> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return Optional.of(FeatureNames.parse(properties.getProperty(KEY, "")));
    }

    void save(Set<String> names) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(KEY, String.join(",", new TreeSet<>(names)));
        AtomicFiles.store(file, properties, "Features the user enabled; written by the bench");
    }
}
