package io.fieldbench.api.imagerelay;

import java.nio.file.Path;

/**
 * An image kept in the relay's images folder, as its events tell it.
 *
 * @param name the name the sender gave it
 * @param mime the type found from its bytes, e.g. image/jpeg
 * @param size its bytes
 * @param file where it is kept
 */
public record RelayedImage(String name, String mime, long size, int width, int height, Path file) {
}
