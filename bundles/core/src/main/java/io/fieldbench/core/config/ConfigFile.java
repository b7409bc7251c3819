package io.fieldbench.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fieldbench.support.AtomicFiles;

/**
 * One {@code <pid>.cfg} file (key = value lines). Updates keep comments and untouched keys, and
 * replace the file atomically, so the folder watcher never reads it half written.
 */
public final class ConfigFile {

    private static final Pattern ASSIGNMENT = Pattern.compile("\\s*([^#!=:\\s][^=:]*?)\\s*[=:].*");

    private ConfigFile() {
    }

    /** Sets the values and removes the keys in {@code removed}. */
    public static void update(Path file, Map<String, String> values, Set<String> removed) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        List<String> updated = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (String line : lines) {
            Matcher assignment = ASSIGNMENT.matcher(line);
            String key = assignment.matches() ? assignment.group(1) : null;
            if (key != null && removed.contains(key)) {
                continue;
            }
            if (key != null && values.containsKey(key)) {
                updated.add(line(key, values.get(key)));
                written.add(key);
            } else {
                updated.add(line);
            }
        }
        values.forEach((key, value) -> {
            if (!written.contains(key)) {
                updated.add(line(key, value));
            }
        });
        AtomicFiles.writeString(file, updated.stream().map(line -> line + "\n").collect(Collectors.joining()));
    }

    private static String line(String key, String value) {
        return key + " = " + value;
    }
}
