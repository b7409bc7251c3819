package io.fieldbench.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.fieldbench.core.config.ConfigFile;

/**
 * The user's settings folder, {@code <data>/etc/}: one {@code <pid>.cfg} per component, which
 * FileInstall watches, a user edits, the Settings view saves to, and {@code --set pid.key=value}
 * writes, so a setting has one home. It lives under the data folder, so two benches started from
 * one distribution with two data folders never share a setting, and a rebuild keeps them.
 * <p>
 * A pid and a key may both contain dots: the pid is the longest prefix that names an existing
 * {@code <pid>.cfg}, otherwise everything before the last dot.
 */
final class ConfigFiles {

    private final Path etc;

    ConfigFiles(Path etc) {
        this.etc = etc;
    }

    /**
     * Creates the folder and copies into it each of the distribution's commented settings files
     * that it lacks (a new data folder starts with every key documented); never overwrites.
     *
     * @return the files copied that hold settings of their own (not only comments): what an older
     *         bench, which kept settings in the distribution, had been told
     */
    List<String> seedFrom(Path shipped) throws IOException {
        Files.createDirectories(etc);
        List<String> withSettings = new ArrayList<>();
        if (!Files.isDirectory(shipped)) {
            return withSettings;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shipped)) {
            for (Path file : files) {
                Path target = etc.resolve(file.getFileName().toString());
                if (Files.isRegularFile(file) && !Files.exists(target)) {
                    Files.copy(file, target);
                    if (file.toString().endsWith(".cfg") && holdsSettings(file)) {
                        withSettings.add(file.getFileName().toString());
                    }
                }
            }
        }
        return withSettings;
    }

    private static boolean holdsSettings(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .anyMatch(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"));
    }

    void set(String assignment) throws IOException {
        int equals = assignment.indexOf('=');
        String name = assignment.substring(0, equals).trim();
        String pid = pidOf(name);
        String key = name.substring(pid.length() + 1);
        ConfigFile.update(etc.resolve(pid + ".cfg"), Map.of(key, assignment.substring(equals + 1).trim()), Set.of());
    }

    /** Checks that every settings file can be read, so none is silently ignored. */
    void check() throws StartupException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(etc, "*.cfg")) {
            for (Path file : files) {
                try (Reader in = Files.newBufferedReader(file)) {
                    new Properties().load(in);
                } catch (IOException | IllegalArgumentException e) {
                    throw new StartupException("cannot read the configuration " + file + " (" + e.getMessage()
                            + "): fix its permissions or content, or remove it");
                }
            }
        } catch (IOException e) {
            throw new StartupException("cannot read the configuration folder " + etc + ": " + e.getMessage());
        }
    }

    private String pidOf(String name) {
        String pid = name.substring(0, name.lastIndexOf('.'));
        for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
            String candidate = name.substring(0, dot);
            if (Files.exists(etc.resolve(candidate + ".cfg"))) {
                pid = candidate;
            }
        }
        return pid;
    }
}
