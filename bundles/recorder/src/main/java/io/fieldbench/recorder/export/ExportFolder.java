package io.fieldbench.recorder.export;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A new export's file: in the bench's data folder, beside its recordings and log, rather than
 * wherever the bench happened to be started from.
 */
public final class ExportFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmmss");

    private ExportFolder() {
    }

    /** The file in the data folder, named by the time of asking so that one export never replaces another. */
    public static Path newFile(Path dataFolder, Instant now, ZoneId zone) {
        return dataFolder.resolve("export-" + STAMP.format(now.atZone(zone)) + ".csv");
    }
}
