package io.fieldbench.api.settings;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The configuration files of the bench, {@code etc/<pid>.cfg}: the one home of a setting. A file
 * edit, {@code --set} and the Settings view all change the file; the bench applies the file to its
 * component within about a second.
 */
@ProviderType
public interface SettingsFiles {

    /**
     * Writes these keys into the component's file, creating it if needed, and removes the keys in
     * {@code removed}; other keys and comments stay. The file is replaced whole, never seen half written.
     */
    void write(String pid, Map<String, String> values, Set<String> removed) throws IOException;
}
