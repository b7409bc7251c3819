package io.fieldbench.core.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Whether FileInstall has applied every settings file of {@code etc/} to ConfigurationAdmin, so
 * that a module started now gets its settings from the start and never binds a default port for
 * a moment.
 * <p>
 * FileInstall marks each configuration it creates with the file it came from, as the URL of the
 * absolute file ({@code file:/…/etc/<pid>.cfg}); it creates one even for an empty or
 * all-commented file. Files are compared by their real path, so a symbolic link in the bench's
 * path does not matter. A configuration kept from an earlier run ({@code <data>/config}) counts
 * too: FileInstall brings it up to date in its first pass, which runs as it starts
 * ({@code noInitialDelay}), before the core.
 */
public final class EtcApplied {

    static final String SOURCE = "felix.fileinstall.filename";
    /** FileInstall's filter for {@code etc/} (the launcher's {@code felix.fileinstall.filter}). */
    private static final Pattern SETTINGS_FILE = Pattern.compile(".*\\.cfg");
    private static final long POLL_MILLIS = 25;

    private final Path etc;
    private final ConfigurationAdmin configurations;

    public EtcApplied(Path etc, ConfigurationAdmin configurations) {
        this.etc = etc;
        this.configurations = configurations;
    }

    /**
     * Waits until every settings file is applied, at most {@code timeout}.
     *
     * @return the names of the files still not applied when the time ran out; empty when all are
     */
    public Set<String> await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> missing = unapplied();
        while (!missing.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(POLL_MILLIS);
            missing = unapplied();
        }
        return missing;
    }

    /** The names of the settings files that no configuration came from yet. */
    public Set<String> unapplied() {
        Set<Path> applied = appliedFiles();
        try (Stream<Path> files = Files.list(etc)) {
            return files.filter(file -> SETTINGS_FILE.matcher(file.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .filter(file -> realPath(file).map(real -> !applied.contains(real)).orElse(false))
                    .map(file -> file.getFileName().toString())
                    .collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException unreadable) {
            // FileInstall cannot read the folder either: there is nothing it could apply
            return Set.of();
        }
    }

    private Set<Path> appliedFiles() {
        Set<Path> applied = new HashSet<>();
        Configuration[] found;
        try {
            found = configurations.listConfigurations("(" + SOURCE + "=*)");
        } catch (IOException storeUnreadable) {
            return applied;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (Configuration configuration : found == null ? new Configuration[0] : found) {
            Dictionary<String, Object> properties = configuration.getProperties();
            Object source = properties == null ? null : properties.get(SOURCE);
            if (source instanceof String url) {
                sourceFile(url).flatMap(EtcApplied::realPath).ifPresent(applied::add);
            }
        }
        return applied;
    }

    private static Optional<Path> sourceFile(String url) {
        try {
            return Optional.of(Path.of(URI.create(url)));
        } catch (IllegalArgumentException | FileSystemNotFoundException notAFile) {
            return Optional.empty();
        }
    }

    /** The file's real path; empty when it is gone (then nobody waits for it). */
    private static Optional<Path> realPath(Path file) {
        try {
            return Optional.of(file.toRealPath());
        } catch (IOException gone) {
            return Optional.empty();
        }
    }
}
