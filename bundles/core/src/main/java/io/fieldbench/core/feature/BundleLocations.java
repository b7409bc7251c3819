package io.fieldbench.core.feature;

import java.nio.file.Path;

/**
 * Turns a feature's bundle location into a URL the framework can install. A
 * {@code mvn:group/artifact/version} location points into the distribution's {@code system/}
 * folder, laid out like a Maven repository, as in Apache Karaf.
 */
public final class BundleLocations {

    private static final String MAVEN_PREFIX = "mvn:";

    private final Path systemFolder;

    public BundleLocations(Path systemFolder) {
        this.systemFolder = systemFolder;
    }

    /** The file of a {@code mvn:} location; any other location is returned as given. */
    public String toUrl(String location) {
        if (!location.startsWith(MAVEN_PREFIX)) {
            return location;
        }
        String[] gav = location.substring(MAVEN_PREFIX.length()).split("/");
        if (gav.length != 3) {
            throw new IllegalArgumentException("bundle location '" + location + "' is not mvn:group/artifact/version");
        }
        String group = gav[0], artifact = gav[1], version = gav[2];
        Path jar = systemFolder.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".jar");
        return jar.toUri().toString();
    }
}
