package io.fieldbench.imagerelay.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import javax.swing.Icon;
import javax.swing.ImageIcon;
import javax.swing.SwingUtilities;

import io.fieldbench.imagerelay.store.StoredImage;

/**
 * The gallery's thumbnails, decoded on their own thread the first time a cell shows them and kept
 * for the most recently seen {@link #KEPT} images; until then, and for formats this Java cannot
 * decode (WebP), a placeholder. EDT only, apart from the decoding.
 */
final class ThumbnailCache {

    static final int BOX = 96;
    static final int KEPT = 1_000;
    private static final Icon LOADING = new PlaceholderIcon("…", BOX, BOX);

    private final Executor decoder;
    private final Runnable changed;
    private final Set<Path> pending = new HashSet<>();
    private final Map<Path, Icon> icons = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Icon> eldest) {
            return size() > KEPT;
        }
    };

    /** @param changed runs on the EDT when a thumbnail is ready (the gallery repaints) */
    ThumbnailCache(Executor decoder, Runnable changed) {
        this.decoder = decoder;
        this.changed = changed;
    }

    Icon icon(StoredImage image) {
        Path file = image.file();
        Icon cached = icons.get(file);
        if (cached != null) {
            return cached;
        }
        if (pending.add(file)) {
            try {
                decoder.execute(() -> {
                    Icon made = decode(image);
                    SwingUtilities.invokeLater(() -> {
                        pending.remove(file);
                        icons.put(file, made);
                        changed.run();
                    });
                });
            } catch (RejectedExecutionException e) {
                pending.remove(file);  // the view is closing
            }
        }
        return LOADING;
    }

    private static Icon decode(StoredImage image) {
        try {
            return new ImageIcon(ImageDecoding.thumbnail(image.file(), BOX));
        } catch (IOException | RuntimeException e) {
            String subtype = image.mime().substring(image.mime().indexOf('/') + 1);
            return new PlaceholderIcon(subtype.isEmpty() ? "?" : subtype.toUpperCase(Locale.ROOT), BOX, BOX);
        }
    }
}
