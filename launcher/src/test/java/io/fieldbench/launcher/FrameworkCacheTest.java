package io.fieldbench.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkCacheTest {

    @TempDir
    Path folder;
    private Path home;
    private Path cache;
    private Path bundle;

    @BeforeEach
    void distribution() throws IOException {
        home = Files.createDirectories(folder.resolve("fieldbench"));
        bundle = Files.createDirectories(home.resolve("system/io/fieldbench/udp/1.0")).resolve("udp-1.0.jar");
        Files.writeString(bundle, "a bundle");
        Files.writeString(home.resolve("fieldbench.jar"), "the launcher");
        Files.createDirectories(home.resolve("deploy"));
        cache = Files.createDirectories(folder.resolve("data/cache"));
    }

    @Test
    void aCacheIsKeptOnlyOnceThisDistributionStartedOnIt() throws IOException {
        assertFalse(new FrameworkCache(cache, new Distribution(home)).isCurrent(), "a new cache is cleaned");

        new FrameworkCache(cache, new Distribution(home)).remember();

        assertTrue(new FrameworkCache(cache, new Distribution(home)).isCurrent());
    }

    @Test
    void aRebuiltBundleCleansTheCache() throws IOException {
        new FrameworkCache(cache, new Distribution(home)).remember();

        Files.setLastModifiedTime(bundle, FileTime.fromMillis(Files.getLastModifiedTime(bundle).toMillis() + 1_000));

        assertFalse(new FrameworkCache(cache, new Distribution(home)).isCurrent());
    }

    @Test
    void anotherDistributionCleansTheCache() throws IOException {
        new FrameworkCache(cache, new Distribution(home)).remember();
        Path copy = Files.createDirectories(folder.resolve("copy"));
        Files.move(home, copy.resolve("fieldbench"));

        assertFalse(new FrameworkCache(cache, new Distribution(copy.resolve("fieldbench"))).isCurrent());
    }

    @Test
    void aBundleDroppedIntoDeployKeepsTheCache() throws IOException {
        new FrameworkCache(cache, new Distribution(home)).remember();

        Files.writeString(home.resolve("deploy/decoder.jar"), "hot deployed");

        assertTrue(new FrameworkCache(cache, new Distribution(home)).isCurrent());
    }
}
