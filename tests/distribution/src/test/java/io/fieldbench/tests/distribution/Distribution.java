package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The distribution the build assembled, and the probe bundle the tests hot-deploy into it. */
final class Distribution {

    private static final String CLASS_SHARING_ARCHIVE = "fieldbench.jsa";

    private Distribution() {
    }

    /**
     * A private copy of the built distribution, so tests may drop files into its deploy/ and etc/;
     * without its class data sharing archive, which names the built one's path (the copy's first
     * start makes its own, as a new installation's does).
     */
    static Path copyTo(Path folder) throws IOException {
        Path built = Path.of(System.getProperty("fieldbench.distribution"));
        if (!Files.isRegularFile(built.resolve("fieldbench.jar"))) {
            throw new IllegalStateException("no distribution at " + built + ": run the build from the project root");
        }
        try (Stream<Path> files = Files.walk(built)) {
            files.filter(source -> !source.getFileName().toString().startsWith(CLASS_SHARING_ARCHIVE))
                    .forEach(source -> copy(source, folder.resolve(built.relativize(source).toString())));
        }
        return folder;
    }

    static Path probeJar() {
        return Path.of(System.getProperty("fieldbench.probe"));
    }

    /** The example decoder bundle, which docs/decoders.md makes the template of a decoder. */
    static Path exampleDecoderJar() {
        return Path.of(System.getProperty("fieldbench.example.decoder"));
    }

    private static void copy(Path source, Path target) {
        try {
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
