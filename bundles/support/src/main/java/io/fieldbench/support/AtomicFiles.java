package io.fieldbench.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Replaces a file whole or not at all: the new content goes to a temporary file beside it, which
 * then takes the file's name in one atomic rename. A crash or a full disk leaves the old file as it
 * was, never half a file. The temporary file is {@code <name>.tmp}: writers of one file take turns.
 */
public final class AtomicFiles {

    /** What writes the new content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code file} with what {@code content} writes, creating its folder when missing. */
    public static void write(Path file, Content content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            replace(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Replaces {@code file} with {@code text} in UTF-8. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Replaces {@code file} with {@code properties}, {@code comment} as its first line. */
    public static void store(Path file, Properties properties, String comment) throws IOException {
        write(file, out -> properties.store(out, comment));
    }

    /** Gives a finished {@code partial} file the name {@code target}, replacing what was there, in one step. */
    public static void replace(Path partial, Path target) throws IOException {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
