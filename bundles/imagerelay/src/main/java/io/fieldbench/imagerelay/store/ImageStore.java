package io.fieldbench.imagerelay.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.netty.buffer.ByteBuf;

import io.fieldbench.imagerelay.format.ImageFormat;
import io.fieldbench.imagerelay.format.ImageInfo;
import io.fieldbench.imagerelay.format.NotAnImageException;
import io.fieldbench.imagerelay.store.ImageIndex.Entry;

/**
 * The images folder: every image received, kept once (a repeat is found by its SHA-256), named
 * {@code yyyyMMdd-HHmmss-<sender>-<name>}, and found again after a restart, with files deleted
 * or added by hand taken into account. Safe to use from several threads.
 */
public final class ImageStore {

    /** The outcome of {@link #keep}: the image in the folder, and whether it was there already. */
    public record Kept(StoredImage image, boolean duplicate) {
    }

    /** Where an image is written before it takes its name, so no one ever sees half of one under a kept name. */
    private static final String INCOMING_PREFIX = ".incoming-";
    /**
     * Files in the folder larger than this are not read at start: no image the relay takes comes
     * near it, and a video dropped there must not fill the heap.
     */
    static final long MAX_EXAMINED_BYTES = 256L << 20;

    private static final Comparator<StoredImage> NEWEST_FIRST = Comparator.comparing(StoredImage::time)
            .thenComparing(image -> image.file().getFileName().toString()).reversed();

    private final Path folder;
    private final ImageIndex index;
    private final Object lock = new Object();
    /** The images by file name, and one file name for each content; guarded by lock. */
    private final Map<String, Entry> byFile = new HashMap<>();
    private final Map<String, Entry> bySha256 = new HashMap<>();

    /** Opens the folder, creating it if missing, and takes in the images already there. */
    public ImageStore(Path folder) throws IOException {
        this.folder = folder.toAbsolutePath();
        Files.createDirectories(this.folder);
        index = new ImageIndex(this.folder);
        load();
    }

    /**
     * A name from the network made safe to be part of a file name: its last path segment only,
     * NFC, without {@code ..}, control or format characters, or any of {@code /\:*?"<>|}, trimmed,
     * at most {@value ImageFileName#MAX_CHARS} characters with its extension kept, never empty.
     * Letters of any script stay.
     */
    static String safeName(String name) {
        return ImageFileName.safe(name);
    }

    Path folder() {
        return folder;
    }

    /**
     * Keeps an image, unless the same bytes are kept already. The buffer's readable bytes are
     * hashed and written in place; its indices and reference count are left as they were.
     *
     * @param info what {@link ImageFormat#inspect} found in the bytes; gives the file's extension
     * @param sender who sent it, e.g. the client's address
     * @param name the name the sender gave it
     * @param time when it arrived: the file's name and modification time
     */
    public Kept keep(ByteBuf bytes, ImageInfo info, String sender, String name, Instant time) throws IOException {
        String sha256 = sha256(bytes); // outside the lock: tens of milliseconds for a large photo
        synchronized (lock) {
            Entry known = bySha256.get(sha256);
            if (known != null && unchanged(known)) {
                return new Kept(stored(known), true);
            }
            if (known != null) {
                forget(known);
            }
            Path target = freeTarget(time, sender, name, info);
            write(bytes, target, time);
            BasicFileAttributes written = Files.readAttributes(target, BasicFileAttributes.class);
            Entry entry = new Entry(target.getFileName().toString(), written.size(),
                    written.lastModifiedTime().toMillis(), sha256, info.mime(), info.width(), info.height());
            remember(entry);
            try {
                index.append(entry);
            } catch (IOException e) {
                // the image is kept; the index only spares reading files at start, and a file it lacks is read then
            }
            return new Kept(stored(entry), false);
        }
    }

    /** Every image still in the folder, newest first. */
    public List<StoredImage> images() {
        synchronized (lock) {
            byFile.values().stream().filter(entry -> !Files.isRegularFile(path(entry))).toList().forEach(this::forget);
            return byFile.values().stream().map(this::stored).sorted(NEWEST_FIRST).toList();
        }
    }

    /** How many images are known, without looking at the disk (which {@link #images()} does): for a status line. */
    public int count() {
        synchronized (lock) {
            return byFile.size();
        }
    }

    /** The image kept under this file name, if it is still there. */
    public Optional<StoredImage> find(String fileName) {
        synchronized (lock) {
            Entry entry = byFile.get(fileName);
            if (entry == null || !Files.isRegularFile(path(entry))) {
                Optional.ofNullable(entry).ifPresent(this::forget);
                return Optional.empty();
            }
            return Optional.of(stored(entry));
        }
    }

    private void load() throws IOException {
        Map<String, Entry> indexed = index.read();
        List<Entry> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(INCOMING_PREFIX)) {
                    Files.deleteIfExists(file); // cut short by a crash, and never reported kept
                } else if (!name.startsWith(".")) {
                    examined(file, indexed.get(name)).ifPresent(found::add);
                }
            }
        }
        found.stream().filter(Entry::isImage).forEach(this::remember);
        index.rewrite(found);
    }

    /** What a file found at start is: from the index when it is unchanged, else from its bytes. */
    private Optional<Entry> examined(Path file, Entry indexed) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            if (indexed != null && indexed.describes(attributes)) {
                return Optional.of(indexed);
            }
            String name = file.getFileName().toString();
            if (attributes.size() > MAX_EXAMINED_BYTES) {
                return Optional.of(Entry.notAnImage(name, attributes));
            }
            ByteBuf bytes = FileBuffers.read(file);
            try {
                // no pixel limit: it is kept already, and a lower limit set since must not hide it
                ImageInfo info = ImageFormat.inspect(bytes, Long.MAX_VALUE);
                return Optional.of(new Entry(name, attributes.size(), attributes.lastModifiedTime().toMillis(),
                        sha256(bytes), info.mime(), info.width(), info.height()));
            } catch (NotAnImageException e) {
                return Optional.of(Entry.notAnImage(name, attributes));
            } finally {
                bytes.release();
            }
        } catch (IOException e) {
            return Optional.empty(); // unreadable now: looked at again at the next start
        }
    }

    private Path freeTarget(Instant time, String sender, String name, ImageInfo info) {
        for (int copy = 1;; copy++) {
            String fileName = ImageFileName.of(time, sender, name, info, copy);
            Path target = folder.resolve(fileName);
            if (!byFile.containsKey(fileName) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return target;
            }
        }
    }

    private void write(ByteBuf bytes, Path target, Instant time) throws IOException {
        Path incoming = folder.resolve(INCOMING_PREFIX + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(incoming, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                // the buffer's own memory, each of its parts in one gathering write: no copy on the way
                ByteBuffer[] parts = bytes.nioBuffers();
                for (long left = bytes.readableBytes(); left > 0;) {
                    left -= channel.write(parts);
                }
                channel.force(true); // on disk before it has its name, so a crash cannot leave a kept half image
            }
            // the arrival time survives a restart without the index
            Files.setLastModifiedTime(incoming, FileTime.from(time));
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Whether the file is as it was kept, so it still holds these bytes. */
    private boolean unchanged(Entry entry) {
        try {
            return entry.describes(Files.readAttributes(path(entry), BasicFileAttributes.class));
        } catch (IOException e) {
            return false;
        }
    }

    private void remember(Entry entry) {
        byFile.put(entry.file(), entry);
        bySha256.putIfAbsent(entry.sha256(), entry);
    }

    /** Drops a file that is gone or changed; another file with the same bytes takes its place for repeats. */
    private void forget(Entry entry) {
        byFile.remove(entry.file());
        if (bySha256.remove(entry.sha256(), entry)) {
            byFile.values().stream().filter(other -> other.sha256().equals(entry.sha256())).findFirst()
                    .ifPresent(other -> bySha256.put(other.sha256(), other));
        }
    }

    private StoredImage stored(Entry entry) {
        return new StoredImage(Instant.ofEpochMilli(entry.modifiedMillis()), ImageFileName.sender(entry.file()),
                ImageFileName.name(entry.file()), entry.mime(), entry.size(), entry.width(), entry.height(),
                path(entry), entry.sha256());
    }

    private Path path(Entry entry) {
        return folder.resolve(entry.file());
    }

    private static String sha256(ByteBuf bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ByteBuffer part : bytes.nioBuffers()) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
