package io.fieldbench.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.fieldbench.files.internal.Resolution.Found;
import io.fieldbench.files.internal.Resolution.Refused;

/**
 * The one gate between a name a client sent and a file on disk: it answers a file strictly inside
 * the shared folder, or a refusal with its reason. A name is first brought to one spelling
 * ({@link RequestedName#canonical}), then every way out is refused before the disk is asked:
 * {@code ..}, absolute paths, drive letters, UNC names, NUL and control characters. Last, the
 * real path of the file (symbolic links followed) must lie inside the real path of the folder,
 * which catches the links that lead out.
 */
final class SharedFolder {

    static final String EMPTY = "empty name";
    static final String NOT_UTF8 = "not valid UTF-8";
    static final String NUL = "contains a NUL byte";
    static final String CONTROL = "contains a control character";
    static final String ABSOLUTE = "absolute path";
    static final String PARENT = "parent directory (..)";
    static final String INVALID = "not a valid file name";
    static final String NO_SUCH_FILE = "no such file";
    static final String OUTSIDE = "leaves the shared folder";
    static final String DIRECTORY = "is a directory";
    static final String NOT_REGULAR = "not a regular file";
    static final String UNREADABLE = "not readable";
    static final String NO_FOLDER = "the shared folder does not exist";

    /** A drive letter, with or without a separator after it: {@code C:\x}, {@code c:x}. */
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    /** A path segment that could climb: two dots or more, perhaps with spaces (which Windows strips). */
    private static final Pattern CLIMB = Pattern.compile("[\\s.]*\\.[\\s.]*\\.[\\s.]*");

    private final Path folder;
    private final int maxNameBytes;
    private final long maxFileBytes;

    SharedFolder(Path folder, int maxNameBytes, long maxFileBytes) {
        this.folder = folder.toAbsolutePath().normalize();
        this.maxNameBytes = maxNameBytes;
        this.maxFileBytes = maxFileBytes;
    }

    Path folder() {
        return folder;
    }

    /** Resolves the name as the client sent it, as bytes. Any thread; reads the disk. */
    Resolution resolve(byte[] raw) {
        if (raw.length > maxNameBytes) {
            return refused("name too long (" + raw.length + " bytes, at most " + maxNameBytes + ")");
        }
        String name;
        try {
            name = RequestedName.canonical(raw);
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
        Refused spelling = spellingProblem(name);
        return spelling != null ? spelling : onDisk(name.replace('\\', '/'));
    }

    /** Why this canonical name must not even be looked up, or null when it may. */
    static Refused spellingProblem(String name) {
        if (name.isEmpty()) {
            return refused(EMPTY);
        }
        if (name.indexOf('\0') >= 0) {
            return refused(NUL);
        }
        if (name.codePoints().anyMatch(SharedFolder::control)) {
            return refused(CONTROL);
        }
        String slashed = name.replace('\\', '/');
        if (slashed.startsWith("/") || DRIVE.matcher(slashed).matches()) {
            return refused(ABSOLUTE);
        }
        for (String segment : slashed.split("/")) {
            if (CLIMB.matcher(segment).matches()) {
                return refused(PARENT);
            }
        }
        return null;
    }

    private static boolean control(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }

    private Resolution onDisk(String relative) {
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            return refused(NO_FOLDER);
        }
        Path candidate;
        try {
            candidate = realFolder.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return refused(INVALID);
        }
        if (!candidate.startsWith(realFolder) || candidate.equals(realFolder)) {
            return refused(candidate.equals(realFolder) ? DIRECTORY : OUTSIDE);
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            return refused(NO_SUCH_FILE);
        } catch (IOException | SecurityException e) {
            return refused(UNREADABLE);
        }
        if (!real.startsWith(realFolder) || real.equals(realFolder)) {
            return refused(real.equals(realFolder) ? DIRECTORY : OUTSIDE);
        }
        if (Files.isDirectory(real)) {
            return refused(DIRECTORY);
        }
        if (!Files.isRegularFile(real)) {
            return refused(NOT_REGULAR);
        }
        if (!Files.isReadable(real)) {
            return refused(UNREADABLE);
        }
        long size;
        try {
            size = Files.size(real);
        } catch (IOException e) {
            return refused(UNREADABLE);
        }
        if (size > maxFileBytes) {
            return refused("larger than the limit (" + size + " bytes, at most " + maxFileBytes + ")");
        }
        return new Found(real, realFolder.relativize(real).toString(), size);
    }

    private static Refused refused(String reason) {
        return new Refused(reason);
    }
}
