package io.fieldbench.core;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;

import io.fieldbench.core.feature.FeatureNames;

/**
 * The framework properties through which the launcher tells the bundles where the bench lives
 * and how it was started: the api's names ({@link io.fieldbench.api.settings.BenchProperties}) and
 * the core's own, read in one place.
 */
public final class BenchProperties {

    public static final String HOME = io.fieldbench.api.settings.BenchProperties.HOME;
    public static final String DATA = io.fieldbench.api.settings.BenchProperties.DATA;
    public static final String FEATURES = "fieldbench.features";
    public static final String HEADLESS = io.fieldbench.api.settings.BenchProperties.HEADLESS;

    private final BundleContext context;

    public BenchProperties(BundleContext context) {
        this.context = context;
    }

    /** The distribution folder: features/, system/, deploy/, and etc/ with the settings files a new data folder starts from. */
    public Path home() {
        return Path.of(required(HOME));
    }

    /** The user's data folder: log/, cache/, saved choices. */
    public Path data() {
        return Path.of(required(DATA));
    }

    /** The bench's log, {@code <data>/log/fieldbench.log}. */
    public Path logFile() {
        return data().resolve(io.fieldbench.api.settings.BenchProperties.LOG_FILE);
    }

    /**
     * The user's settings, {@code <data>/etc/<pid>.cfg}, which FileInstall watches: under the data
     * folder, so that two benches started from one distribution never share a setting.
     */
    public Path settings() {
        return settingsOf(data());
    }

    /** The settings folder of a bench with this data folder. */
    public static Path settingsOf(Path data) {
        return data.resolve("etc");
    }

    /** Whether the bench runs without a window. */
    public boolean headless() {
        return Boolean.parseBoolean(context.getProperty(HEADLESS));
    }

    /** The features given with {@code --features}, if any were. */
    public Optional<Set<String>> features() {
        return Optional.ofNullable(context.getProperty(FEATURES)).map(FeatureNames::parse);
    }

    private String required(String name) {
        String value = context.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("framework property " + name + " is not set: start the bench with the fieldbench launcher");
        }
        return value;
    }
}
