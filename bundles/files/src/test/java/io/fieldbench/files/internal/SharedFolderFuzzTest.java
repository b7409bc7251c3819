package io.fieldbench.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fieldbench.files.internal.Resolution.Found;
import io.fieldbench.files.internal.Resolution.Refused;

/**
 * Any bytes as a requested name, against a shared folder with links that lead out (to a secret
 * beside the folder, to the folder's parent, to a sibling folder whose name begins like the
 * shared one) and links that stay in. A name resolves to one of the files inside, or is refused
 * with a reason; it never throws and never reaches anything outside.
 */
class SharedFolderFuzzTest {

    @TempDir
    static Path root;

    private static SharedFolder folder;
    private static Set<Path> inside;

    @BeforeAll
    static void files() throws IOException {
        Path shared = Files.createDirectory(root.resolve("shared"));
        Path secret = Files.writeString(root.resolve("secret.txt"), "secret");
        Path sibling = Files.createDirectory(root.resolve("shared2"));
        Files.writeString(sibling.resolve("secret.txt"), "secret");
        Path hello = Files.writeString(shared.resolve("hello.txt"), "hello");
        Files.createDirectory(shared.resolve("sub"));
        Path inner = Files.writeString(shared.resolve("sub/inner.txt"), "inner");
        Path dots = Files.writeString(shared.resolve("..hidden"), "dots in a name");
        Path chinese = Files.writeString(shared.resolve("温度.csv"), "t");
        Files.createSymbolicLink(shared.resolve("out.txt"), secret);
        Files.createSymbolicLink(shared.resolve("outdir"), root);
        Files.createSymbolicLink(shared.resolve("sib"), Path.of("../shared2"));
        Files.createSymbolicLink(shared.resolve("sub/up"), Path.of("../.."));
        Files.createSymbolicLink(shared.resolve("in.txt"), hello);
        folder = new SharedFolder(shared, 1024, 1000);
        inside = Set.of(hello.toRealPath(), inner.toRealPath(), dots.toRealPath(), chinese.toRealPath());
    }

    @FuzzTest
    void anyNameIsAFileInsideOrRefused(byte[] name) throws IOException {
        Resolution resolution = folder.resolve(name);
        if (resolution instanceof Found found) {
            assertTrue(inside.contains(found.file()), () -> "resolved to " + found.file() + ", not a file inside the folder");
            assertEquals(found.file(), folder.folder().toRealPath().resolve(found.name()),
                    "the shown name is the file's place in the folder");
        } else {
            String reason = ((Refused) resolution).reason();
            assertFalse(reason.isBlank(), "a refusal without a reason");
        }
    }
}
