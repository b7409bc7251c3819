package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options the start script ({@code fieldbench} at the project's root) gives the bench, read
 * from the script itself, so that a bench the tests start runs, and measures, as a user's does.
 */
final class StartScript {

    /** How the script caps the heap unless the user says otherwise: {@code -Xmx${FIELDBENCH_HEAP:-SIZE}}. */
    private static final Pattern DEFAULT_HEAP = Pattern.compile("-Xmx\\$\\{FIELDBENCH_HEAP:-(\\w+)}");

    private StartScript() {
    }

    static List<String> jvmOptions() {
        Path script = Path.of(System.getProperty("fieldbench.script"));
        try {
            Matcher heap = DEFAULT_HEAP.matcher(Files.readString(script));
            if (!heap.find()) {
                throw new IllegalStateException(script + " no longer caps the heap with " + DEFAULT_HEAP.pattern()
                        + ": make " + StartScript.class.getSimpleName() + " read its JVM options as it gives them now");
            }
            return List.of("-Xmx" + heap.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the start script " + script, e);
        }
    }
}
