package io.fieldbench.files.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.fieldbench.server.support.ListenerSettings;
import io.fieldbench.server.support.ServerControl;

/**
 * The settings in force, with the shared folder resolved to a path.
 *
 * @param folder the shared folder, absolute
 * @param problems what was wrong with the settings, in words for the user
 */
record FilesSettings(ListenerSettings listener, Path folder, long maxFileBytes, boolean errorLine, int requestTimeoutSeconds,
        int maxNameBytes, List<String> problems) implements ServerControl.Listening {

    static final String DATA_VARIABLE = "${fieldbench.data}";
    static final String HOME_VARIABLE = "${fieldbench.home}";
    static final String DEFAULT_FOLDER = DATA_VARIABLE + "/shared";
    /** Five minutes: a person connects, then types a name (the Python tutorial's client asks after connecting). */
    static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 300;

    /**
     * The settings of this configuration on a bench with these folders.
     *
     * @param home the distribution's folder, against which a relative folder is resolved
     * @param data the user's data folder
     */
    static FilesSettings of(FilesConfig config, Path home, Path data) {
        String folder = config.shared_folder().isBlank() ? DEFAULT_FOLDER : config.shared_folder().strip();
        folder = folder.replace(DATA_VARIABLE, data.toString()).replace(HOME_VARIABLE, home.toString());
        List<String> problems = new ArrayList<>();
        ListenerSettings listener = ListenerSettings.read(config.enabled(), config.bind_address(), config.port(), problems);
        return new FilesSettings(listener, home.resolve(folder).toAbsolutePath().normalize(),
                Math.max(0, config.max_file_bytes()), config.error_line(), Math.max(0, config.request_timeout_seconds()),
                Math.max(1, config.max_name_bytes()), List.copyOf(problems));
    }

    SharedFolder sharedFolder() {
        return new SharedFolder(folder, maxNameBytes, maxFileBytes);
    }
}
