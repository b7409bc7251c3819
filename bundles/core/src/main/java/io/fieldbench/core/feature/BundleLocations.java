package io.fieldbench.core.feature;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a feature's bundle location into the location the framework installs. A
 * {@code mvn:group/artifact/version} location points into the distribution's {@code system/}
 * folder, laid out like a Maven repository, as in Apache Karaf, and is installed by reference:
 * the framework reads the jar where it lies instead of copying it into its cache at every start.
 */
public final class BundleLocations {

    private static final String MAVEN_PREFIX = "mvn:";
    /** Felix installs a {@code reference:file:} location in place. */
    private static final String REFERENCE_PREFIX = "reference:";
    private static final String FILE_PREFIX = "file:";

    private final Path systemFolder;
    /**
     * The install locations worked out so far: the feature manager asks for every feature bundle's
     * at each bundle event, hundreds of times while the bench starts.
     */
    private final Map<String, String> known = new ConcurrentHashMap<>();

    public BundleLocations(Path systemFolder) {
        this.systemFolder = systemFolder;
    }

    /** The installed location of a {@code mvn:} location (a reference to its jar); any other location as given. */
    public String installLocation(String location) {
        return location.startsWith(MAVEN_PREFIX) ? known.computeIfAbsent(location, this::referenceToJar) : location;
    }

    private String referenceToJar(String location) {
        String[] gav = location.substring(MAVEN_PREFIX.length()).split("/");
        if (gav.length != 3) {
            throw new IllegalArgumentException("bundle location '" + location + "' is not mvn:group/artifact/version");
        }
        String group = gav[0], artifact = gav[1], version = gav[2];
        Path jar = systemFolder.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".jar");
        return REFERENCE_PREFIX + jar.toUri();
    }

    /** The local file an installed location reads, by reference or not; empty for any other URL. */
    static Optional<Path> file(String installLocation) {
        String url = installLocation.startsWith(REFERENCE_PREFIX) ? installLocation.substring(REFERENCE_PREFIX.length())
                : installLocation;
        return url.startsWith(FILE_PREFIX) ? Optional.of(Path.of(URI.create(url))) : Optional.empty();
    }
}
