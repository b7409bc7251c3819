package io.fieldbench.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether the framework's cache in the data directory may be kept from the last start: only while
 * it was made by this very distribution, every jar the same. Keeping it spares each start the
 * cleaning and the installing of every bundle again (the bundles' manifests parsed, the jars that
 * bundles embed unpacked); a rebuilt or moved distribution cleans it, so that a cached bundle never
 * shadows a rebuilt one. The bundles are started transiently, so a kept cache starts none by
 * itself: the launcher and the feature manager start what this start chose.
 */
final class FrameworkCache {

    /** What the cache was made from, in the cache itself, so that a cleaned cache has none. */
    private static final String STAMP = "distribution.stamp";

    private final Path cache;
    private final String distributionNow;

    FrameworkCache(Path cache, Distribution distribution) throws IOException {
        this.cache = cache;
        this.distributionNow = stampOf(distribution);
    }

    /** Whether the cache was made by this distribution as it is now. */
    boolean isCurrent() {
        try {
            return distributionNow.equals(Files.readString(cache.resolve(STAMP), StandardCharsets.UTF_8));
        } catch (IOException none) {
            return false;
        }
    }

    /** Notes that the cache is this distribution's, once the bench has started on it. */
    void remember() throws IOException {
        Files.writeString(cache.resolve(STAMP), distributionNow, StandardCharsets.UTF_8);
    }

    /** The distribution's folder and every jar in it, with its size and time: a rebuild changes it. */
    private static String stampOf(Distribution distribution) throws IOException {
        try (Stream<Path> files = Files.walk(distribution.home())) {
            List<String> jars = files.filter(file -> file.toString().endsWith(".jar") && !file.startsWith(distribution.deploy()))
                    .sorted()
                    .map(FrameworkCache::describe)
                    .toList();
            return distribution.home() + "\n" + String.join("\n", jars) + "\n";
        }
    }

    private static String describe(Path jar) {
        try {
            return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return jar + " unreadable";
        }
    }
}
