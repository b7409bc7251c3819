package io.fieldbench.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fieldbench.files.internal.Resolution.Found;
import io.fieldbench.files.internal.Resolution.Refused;

class SharedFolderTest {

    private static final int MAX_NAME = 1024;
    private static final long MAX_FILE = 1000;

    @TempDir
    Path root;

    private Path shared;
    private Path secret;
    private SharedFolder folder;

    @BeforeEach
    void files() throws IOException {
        shared = Files.createDirectory(root.resolve("shared"));
        secret = Files.writeString(root.resolve("secret.txt"), "secret");
        Files.writeString(shared.resolve("hello.txt"), "hello");
        Files.createDirectory(shared.resolve("sub"));
        Files.writeString(shared.resolve("sub/inner.txt"), "inner");
        Files.writeString(shared.resolve("..hidden"), "dots in a name");
        Files.writeString(shared.resolve("温度.csv"), "t");
        folder = new SharedFolder(shared, MAX_NAME, MAX_FILE);
    }

    private Resolution resolve(String name) {
        return folder.resolve(name.getBytes(StandardCharsets.UTF_8));
    }

    private String refusal(String name) {
        return assertInstanceOf(Refused.class, resolve(name), name).reason();
    }

    private Path found(String name) {
        return assertInstanceOf(Found.class, resolve(name), name).file();
    }

    @Test
    void findsFilesInsideTheFolderAndItsSubfolders() throws IOException {
        assertEquals(shared.resolve("hello.txt").toRealPath(), found("hello.txt"));
        assertEquals(shared.resolve("sub/inner.txt").toRealPath(), found("sub/inner.txt"));
        assertEquals(shared.resolve("sub/inner.txt").toRealPath(), found("sub\\inner.txt"));
        assertEquals(shared.resolve("sub/inner.txt").toRealPath(), found("./sub//inner.txt"));
        assertEquals(shared.resolve("温度.csv").toRealPath(), found("温度.csv"));
        assertEquals(shared.resolve("温度.csv").toRealPath(), found("%E6%B8%A9%E5%BA%A6.csv"));
        assertEquals(shared.resolve("hello.txt").toRealPath(), found("hello%2Etxt"));
        assertEquals(5, ((Found) resolve("hello.txt")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../secret.txt", "..\\secret.txt", "sub/../../secret.txt", "sub\\..\\..\\secret.txt",
            "%2e%2e%2fsecret.txt", "%2E%2E/secret.txt", "%2e%2e%5csecret.txt", "..%2fsecret.txt", ".%2e/secret.txt",
            "%252e%252e%252fsecret.txt", "%25252e%25252e%25252fsecret.txt", "．．／secret.txt",
            "．．/secret.txt", "..／secret.txt", "％２ｅ％２ｅ／secret.txt", "%EF%BC%8E%EF%BC%8E%EF%BC%8Fsecret.txt",
            "\u2025/secret.txt", "﹒﹒/secret.txt", "sub/%2e%2e/%2E%2e%2Fsecret.txt", ".. /secret.txt", "... /x", "...",
            "sub/..", "sub/../hello.txt"})
    void refusesEverySpellingOfTheParentFolder(String name) {
        assertEquals(SharedFolder.PARENT, refusal(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "\\etc\\passwd", "C:\\Windows\\win.ini", "c:/x", "C:x", "\\\\server\\share\\x",
            "//server/share/x", "%2fetc%2fpasswd", "%5c%5cserver%5cshare", "／etc／passwd", "%252Fetc%252Fpasswd"})
    void refusesAbsolutePaths(String name) {
        assertEquals(SharedFolder.ABSOLUTE, refusal(name), name);
    }

    @Test
    void refusesNulAndControlCharacters() {
        assertEquals(SharedFolder.NUL, refusal("hello.txt\0.png"));
        assertEquals(SharedFolder.NUL, refusal("hello.txt%00.png"));
        assertEquals(SharedFolder.NUL, refusal("hello.txt%2500.png"));
        assertEquals(SharedFolder.CONTROL, refusal("hello\r.txt"));
        assertEquals(SharedFolder.CONTROL, refusal("hello%0a.txt"));
        assertEquals(SharedFolder.CONTROL, refusal("hello\u001b[2J.txt"));
        assertEquals(SharedFolder.CONTROL, refusal("txt.\u202egnp"));
        assertEquals(SharedFolder.CONTROL, refusal("a\u2028b"));
    }

    @Test
    void refusesNamesThatAreNotUtf8OrDoNotSettle() {
        assertEquals(SharedFolder.NOT_UTF8, assertInstanceOf(Refused.class,
                folder.resolve(new byte[] {'a', (byte) 0xC0, (byte) 0xAF, 'b'})).reason());
        assertEquals(SharedFolder.NOT_UTF8, refusal("%C0%AE%C0%AE/secret.txt"), "overlong dots");
        String deep = "hello.txt";
        for (int i = 0; i < RequestedName.MAX_DECODING_ROUNDS + 1; i++) {
            deep = deep.replace("%", "%25").replace(".", "%2e");
        }
        assertTrue(refusal(deep).startsWith("still percent-encoded"), refusal(deep));
    }

    @Test
    void refusesEmptyAndTooLongNames() {
        assertEquals(SharedFolder.EMPTY, refusal(""));
        String refusal = refusal("a".repeat(MAX_NAME + 1));
        assertEquals("name too long (1025 bytes, at most 1024)", refusal);
        assertEquals(SharedFolder.NO_SUCH_FILE, refusal("a".repeat(200)));
    }

    @Test
    void refusesMissingFilesDirectoriesAndTheFolderItself() {
        assertEquals(SharedFolder.NO_SUCH_FILE, refusal("nope.txt"));
        assertEquals(SharedFolder.DIRECTORY, refusal("sub"));
        assertEquals(SharedFolder.DIRECTORY, refusal("."));
        assertEquals(SharedFolder.DIRECTORY, refusal("./"));
    }

    @Test
    void aDotDotInsideANameIsNoParent() throws IOException {
        assertEquals(shared.resolve("..hidden").toRealPath(), found("..hidden"));
    }

    @Test
    void refusesSymlinksThatLeaveTheFolderAndFollowsThoseThatStay() throws IOException {
        Files.createSymbolicLink(shared.resolve("out.txt"), secret);
        Files.createSymbolicLink(shared.resolve("outdir"), root);
        Files.createSymbolicLink(shared.resolve("in.txt"), shared.resolve("hello.txt"));
        Files.createSymbolicLink(shared.resolve("sub/up.txt"), Path.of("../hello.txt"));

        assertEquals(SharedFolder.OUTSIDE, refusal("out.txt"));
        assertEquals(SharedFolder.OUTSIDE, refusal("outdir/secret.txt"));
        assertEquals(shared.resolve("hello.txt").toRealPath(), found("in.txt"));
        assertEquals(shared.resolve("hello.txt").toRealPath(), found("sub/up.txt"));
    }

    @Test
    void aSharedFolderReachedThroughALinkStillServes() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("link"), shared);
        SharedFolder linked = new SharedFolder(link, MAX_NAME, MAX_FILE);
        assertInstanceOf(Found.class, linked.resolve("hello.txt".getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(Refused.class, linked.resolve("../secret.txt".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesFilesOverTheLimit() throws IOException {
        Files.write(shared.resolve("big.bin"), new byte[(int) MAX_FILE + 1]);
        Files.write(shared.resolve("edge.bin"), new byte[(int) MAX_FILE]);
        assertEquals("larger than the limit (1001 bytes, at most 1000)", refusal("big.bin"));
        assertEquals(MAX_FILE, ((Found) resolve("edge.bin")).size());
    }

    @Test
    void refusesUnreadableFiles() throws IOException {
        Path locked = Files.writeString(shared.resolve("locked.txt"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "running as root: every file is readable");
        assertEquals(SharedFolder.UNREADABLE, refusal("locked.txt"));
    }

    @Test
    void refusesEverythingWhenTheFolderIsGone() throws IOException {
        SharedFolder gone = new SharedFolder(root.resolve("gone"), MAX_NAME, MAX_FILE);
        assertEquals(SharedFolder.NO_FOLDER, assertInstanceOf(Refused.class,
                gone.resolve("hello.txt".getBytes(StandardCharsets.UTF_8))).reason());
    }
}
