package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders of the benchmarks and tests, and their deletion with all they hold. */
final class ScratchFolder {

    private ScratchFolder() {
    }

    /**
     * A new temporary folder, deleted with what it holds when this JVM exits: a benchmark leaves
     * nothing behind (a bench's copy and data are hundreds of megabytes), however it ends.
     */
    static Path deletedOnExit(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                delete(folder);
            } catch (IOException | UncheckedIOException e) {
                System.err.println("could not delete " + folder + ": " + e);
            }
        }, "delete " + folder.getFileName()));
        return folder;
    }

    /** Deletes the folder and everything in it. */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
