package io.fieldbench.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

import io.fieldbench.core.feature.FeatureRepository;

/**
 * The folder the bench runs from: {@code fieldbench.jar}, {@code system/} (bundles in a Maven
 * layout), {@code features/}, {@code etc/} (configuration) and {@code deploy/} (hot deploy).
 */
final class Distribution {

    private final Path home;

    Distribution(Path home) {
        this.home = home;
    }

    /** The folder holding the running launcher jar. */
    static Distribution ofRunningJar() {
        try {
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Distribution(jar.getParent().toAbsolutePath());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the launcher's own location is not a file", e);
        }
    }

    Path home() {
        return home;
    }

    Path system() {
        return home.resolve("system");
    }

    /** The settings files a new data folder starts from: every key, commented, with its default. */
    Path etc() {
        return home.resolve("etc");
    }

    Path deploy() {
        return home.resolve("deploy");
    }

    /** Reads the features, checking that every requested one exists. */
    FeatureRepository features(Set<String> requested) throws StartupException {
        FeatureRepository repository;
        try {
            repository = FeatureRepository.load(home.resolve("features"));
        } catch (IOException e) {
            throw new StartupException("cannot read the features in " + home.resolve("features") + ": " + e.getMessage()
                    + "; rebuild the distribution with 'mvn install'");
        }
        try {
            repository.closure(requested);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        return repository;
    }
}
