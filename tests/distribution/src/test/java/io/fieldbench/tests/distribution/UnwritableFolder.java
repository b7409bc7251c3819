package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A folder the bench cannot write into until {@link #restore()}: made read-only by its mode where
 * that binds. Root writes past any mode (tests may run as root in CI), so there the folder is moved
 * aside and a plain file of its name takes its place: nobody can create a file in it, though
 * reading what it held fails too.
 */
final class UnwritableFolder implements AutoCloseable {

    private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r-xr-xr-x");

    private final Path folder;
    private final Set<PosixFilePermission> mode;
    private final Path aside;

    private UnwritableFolder(Path folder, Set<PosixFilePermission> mode, Path aside) {
        this.folder = folder;
        this.mode = mode;
        this.aside = aside;
    }

    static UnwritableFolder of(Path folder) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(folder);
        Files.setPosixFilePermissions(folder, READ_ONLY);
        if (!canCreateIn(folder)) {
            return new UnwritableFolder(folder, mode, null);
        }
        Files.setPosixFilePermissions(folder, mode);
        Path aside = folder.resolveSibling(folder.getFileName() + ".aside");
        Files.move(folder, aside);
        Files.writeString(folder, "in place of the folder, so that no file can be created in it\n");
        return new UnwritableFolder(folder, mode, aside);
    }

    /** How it was made unwritable, for the report of a failed test. */
    String how() {
        return aside == null ? "read-only mode" : "replaced by a file (modes do not stop root)";
    }

    /** Writable again, with all it held; once restored, nothing more. */
    void restore() throws IOException {
        if (aside != null && Files.exists(aside)) {
            Files.delete(folder);
            Files.move(aside, folder);
        }
        Files.setPosixFilePermissions(folder, mode);
    }

    /** Restores it, should the test have failed before it did. */
    @Override
    public void close() throws IOException {
        restore();
    }

    private static boolean canCreateIn(Path folder) throws IOException {
        try {
            Files.delete(Files.createTempFile(folder, ".probe", ""));
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }
}
