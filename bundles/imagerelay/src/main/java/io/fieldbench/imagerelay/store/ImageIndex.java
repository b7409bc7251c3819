package io.fieldbench.imagerelay.store;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fieldbench.support.AtomicFiles;

/**
 * The index file of the images folder: for each file, its size and modification time when it was
 * read, and what reading it found. A file whose size and time still match is not read again at
 * start, so a folder of thousands of images opens at once; a file changed or added by hand is
 * read again, and one deleted by hand drops out.
 */
final class ImageIndex {

    /** Hidden, so it is not taken for an image and is out of the way in a file manager. */
    static final String FILE_NAME = ".index";
    private static final String HEADER = "# file (URL-encoded)\tsize\tmodified (ms)\tsha256\tmime (- when not an image)\twidth\theight";
    private static final String NOT_AN_IMAGE = "-";
    private static final int FIELDS = 7;

    /** What reading one file of the folder found. */
    record Entry(String file, long size, long modifiedMillis, String sha256, String mime, int width, int height) {

        static Entry notAnImage(String file, BasicFileAttributes attributes) {
            return new Entry(file, attributes.size(), attributes.lastModifiedTime().toMillis(), NOT_AN_IMAGE,
                    NOT_AN_IMAGE, 0, 0);
        }

        boolean isImage() {
            return !mime.equals(NOT_AN_IMAGE);
        }

        /** Whether the file is still as it was read: same size, same modification time. */
        boolean describes(BasicFileAttributes attributes) {
            return size == attributes.size() && modifiedMillis == attributes.lastModifiedTime().toMillis();
        }

        private String line() {
            return String.join("\t", URLEncoder.encode(file, StandardCharsets.UTF_8), Long.toString(size),
                    Long.toString(modifiedMillis), sha256, mime, Integer.toString(width), Integer.toString(height));
        }

        /** The entry on a line, or null for a damaged one (a crash while appending): its file is then read again. */
        private static Entry parse(String line) {
            String[] fields = line.split("\t");
            if (line.startsWith("#") || fields.length != FIELDS) {
                return null;
            }
            try {
                return new Entry(URLDecoder.decode(fields[0], StandardCharsets.UTF_8), Long.parseLong(fields[1]),
                        Long.parseLong(fields[2]), fields[3], fields[4], Integer.parseInt(fields[5]),
                        Integer.parseInt(fields[6]));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private final Path file;

    ImageIndex(Path folder) {
        file = folder.resolve(FILE_NAME);
    }

    /** The entries by file name; a later line replaces an earlier one for the same file. */
    Map<String, Entry> read() throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        if (Files.isRegularFile(file)) {
            // decoded leniently: a damaged line only costs reading its file again
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
                Entry entry = Entry.parse(line);
                if (entry != null) {
                    entries.put(entry.file(), entry);
                }
            }
        }
        return entries;
    }

    /** Adds one entry at the end: cheap, whatever the size of the folder. */
    void append(Entry entry) throws IOException {
        Files.writeString(file, entry.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Replaces the index with exactly these entries, atomically. */
    void rewrite(Collection<Entry> entries) throws IOException {
        AtomicFiles.writeString(file,
                Stream.concat(Stream.of(HEADER), entries.stream().map(Entry::line)).map(line -> line + "\n").collect(Collectors.joining()));
    }
}
