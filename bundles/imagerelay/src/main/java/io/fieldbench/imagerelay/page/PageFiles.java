package io.fieldbench.imagerelay.page;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The phone page's files, from the bundle's {@code web/} folder, read once when the relay starts so
 * that serving them never touches the disk on an event loop. Only the files named here are served.
 */
public final class PageFiles {

    static final String FOLDER = "web/";
    static final String INDEX = "index.html";
    /** The page's files; a missing one (the favicon) is a 404. */
    static final String[] NAMES = {INDEX, "app.js", "style.css", "favicon.ico", "icon.svg"};
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "ico", "image/x-icon",
            "svg", "image/svg+xml");

    /** One file of the page. */
    record PageFile(String contentType, byte[] bytes) {
    }

    private final Map<String, PageFile> files;

    private PageFiles(Map<String, PageFile> files) {
        this.files = files;
    }

    /** Reads the files that exist in {@code web/} of this class loader. */
    public static PageFiles load(ClassLoader loader) throws IOException {
        Map<String, PageFile> files = new HashMap<>();
        for (String name : NAMES) {
            try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
                if (in != null) {
                    files.put(name, new PageFile(TYPES.get(extension(name)), in.readAllBytes()));
                }
            }
        }
        return new PageFiles(Map.copyOf(files));
    }

    /** The file at a request path ("/" is the index), without query; empty when there is none. */
    Optional<PageFile> at(String path) {
        String name = path.equals("/") ? INDEX : path.substring(1);
        return Optional.ofNullable(files.get(name));
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
