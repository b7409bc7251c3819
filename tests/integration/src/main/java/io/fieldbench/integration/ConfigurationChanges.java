package io.fieldbench.integration;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The configurations a test sets through ConfigurationAdmin, each remembered as it was so that
 * {@link #putBack} leaves the framework as the next test expects it: the one set last goes back first.
 */
final class ConfigurationChanges {

    private final Deque<Runnable> putBack = new ArrayDeque<>();

    /** Sets the configuration of {@code pid} to these values for the test. */
    void set(ConfigurationAdmin configurations, String pid, Map<String, Object> values) throws IOException {
        Configuration configuration = configurations.getConfiguration(pid, "?");
        Dictionary<String, Object> previous = configuration.getProperties();
        putBack.push(() -> {
            try {
                if (previous == null) {
                    configuration.delete();
                } else {
                    configuration.update(previous);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot put back the configuration " + pid, e);
            }
        });
        configuration.update(new Hashtable<>(values));
    }

    /** Puts every configuration the test set back as it was before. */
    void putBack() {
        while (!putBack.isEmpty()) {
            putBack.pop().run();
        }
    }
}
