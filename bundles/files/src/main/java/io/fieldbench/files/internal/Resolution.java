package io.fieldbench.files.internal;

import java.nio.file.Path;

/** What the shared folder answers to a requested name: the file to send, or why nothing is sent. */
sealed interface Resolution {

    /**
     * A file strictly inside the shared folder, readable and within the size limit.
     *
     * @param file the file's real path (symbolic links resolved), to be opened without following links again
     * @param name its path relative to the shared folder, for display
     * @param size its size in bytes when it was checked
     */
    record Found(Path file, String name, long size) implements Resolution {
    }

    /** @param reason why the name is refused, one short phrase for the log, the console and an error line */
    record Refused(String reason) implements Resolution {
    }
}
