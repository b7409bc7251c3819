package io.fieldbench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Applies {@code --set pid.key=value} to {@code etc/<pid>.cfg}, the same file a user edits and the
 * Settings view saves to, so a setting has one home. Comments and other keys are kept.
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
        String value = assignment.substring(equals + 1).trim();
        String pid = pidOf(name);
        String key = name.substring(pid.length() + 1);
        Path file = etc.resolve(pid + ".cfg");
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        Pattern existing = Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*[=:].*");
        String line = key + " = " + value;
        int index = indexOf(lines, existing);
        if (index < 0) {
            lines.add(line);
        } else {
            lines.set(index, line);
        }
        Files.createDirectories(etc);
        Files.write(file, lines);
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

    private static int indexOf(List<String> lines, Pattern pattern) {
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }
}
