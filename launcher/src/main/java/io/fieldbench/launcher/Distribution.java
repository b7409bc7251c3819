package io.fieldbench.launcher;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
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

    /** Checks that every configuration file in etc/ can be read, so none is silently ignored. */
    void checkConfigurations() throws StartupException {
        if (!Files.isDirectory(etc())) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(etc(), "*.cfg")) {
            for (Path file : files) {
                try (Reader in = Files.newBufferedReader(file)) {
                    new Properties().load(in);
                } catch (IOException | IllegalArgumentException e) {
                    throw new StartupException("cannot read the configuration " + file + " (" + e.getMessage()
                            + "): fix its permissions or content, or remove it");
                }
            }
        } catch (IOException e) {
            throw new StartupException("cannot read the configuration folder " + etc() + ": " + e.getMessage());
        }
    }
}
