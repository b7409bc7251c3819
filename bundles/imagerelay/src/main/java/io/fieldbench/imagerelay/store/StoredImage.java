package io.fieldbench.imagerelay.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An image kept in the images folder.
 *
 * @param time when it arrived (or, for files found at start, their modification time)
 * @param sender who sent it: a client's address, or "bench"
 * @param name the name the sender gave it, made safe for a file name
 * @param mime the type found from its bytes, e.g. image/jpeg
 * @param file where it is kept: {@code yyyyMMdd-HHmmss-<sender>-<name>} in the images folder
 * @param sha256 the hex SHA-256 of its bytes, by which repeats are found
 */
public record StoredImage(Instant time, String sender, String name, String mime, long size, int width, int height,
        Path file, String sha256) {
}
