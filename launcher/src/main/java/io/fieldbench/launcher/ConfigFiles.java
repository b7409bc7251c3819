package io.fieldbench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.fieldbench.core.config.ConfigFile;

/**
 * Applies {@code --set pid.key=value} to {@code etc/<pid>.cfg}, the same file a user edits and the
 * Settings view saves to, so a setting has one home.
 * <p>
 * A pid and a key may both contain dots: the pid is the longest prefix that names an existing
 * {@code etc/<pid>.cfg}, otherwise everything before the last dot.
 */
final class ConfigFiles {

    private final Path etc;

    ConfigFiles(Path etc) {
        this.etc = etc;
    }

    void set(String assignment) throws IOException {
        int equals = assignment.indexOf('=');
        String name = assignment.substring(0, equals).trim();
        String pid = pidOf(name);
        String key = name.substring(pid.length() + 1);
        ConfigFile.update(etc.resolve(pid + ".cfg"), Map.of(key, assignment.substring(equals + 1).trim()), Set.of());
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
