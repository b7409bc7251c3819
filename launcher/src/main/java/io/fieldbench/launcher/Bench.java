package io.fieldbench.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

import io.fieldbench.core.BenchProperties;
import io.fieldbench.core.console.BenchConsole;
import io.fieldbench.core.feature.BundleLocations;
import io.fieldbench.core.feature.FeatureRepository;

/**
 * One running bench: Felix with the core feature started. The core feature's manager starts the
 * rest. Starting either succeeds whole or stops what it started.
 */
final class Bench {

    static final String CORE_FEATURE = "core";
    private static final long STOP_TIMEOUT_MILLIS = 15_000;

    private final Framework framework;

    private Bench(Framework framework) {
        this.framework = framework;
    }

    static Bench start(Distribution distribution, LaunchOptions options, FeatureRepository features)
            throws StartupException {
        Properties system = resource("system.properties");
        system.stringPropertyNames().forEach(name -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, system.getProperty(name));
            }
        });
        FrameworkCache cache;
        try {
            cache = new FrameworkCache(options.data().resolve("cache"), distribution);
        } catch (IOException e) {
            throw new StartupException("cannot read the distribution " + distribution.home() + ": " + e.getMessage());
        }
        Framework framework = new FrameworkFactory().newFramework(properties(distribution, options, cache.isCurrent()));
        try {
            framework.start();
            BundleLocations locations = new BundleLocations(distribution.system());
            List<Bundle> core = new ArrayList<>();
            for (String location : features.bundles(Set.of(CORE_FEATURE))) {
                core.add(framework.getBundleContext().installBundle(locations.installLocation(location)));
            }
            for (Bundle bundle : core) {
                bundle.start(Bundle.START_TRANSIENT);
            }
            cache.remember();
            return new Bench(framework);
        } catch (BundleException | IOException | RuntimeException e) {
            stop(framework);
            throw new StartupException("the bench could not start its core: " + e.getMessage()
                    + "; rebuild the distribution with 'mvn install'");
        }
    }

    private static Map<String, String> properties(Distribution distribution, LaunchOptions options, boolean keepCache) {
        Map<String, String> properties = new HashMap<>();
        Properties defaults = resource("framework.properties");
        // a -D of the same name overrides a default, as for system.properties (a test's smaller log history)
        defaults.stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name, defaults.getProperty(name))));
        properties.put(Constants.FRAMEWORK_STORAGE, options.data().resolve("cache").toString());
        if (!keepCache) {
            properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        properties.put("felix.cm.dir", options.data().resolve("config").toString());
        properties.put("felix.fileinstall.dir", BenchProperties.settingsOf(options.data()).toString());
        properties.put(BenchProperties.HOME, distribution.home().toString());
        properties.put(BenchProperties.DATA, options.data().toString());
        properties.put(BenchProperties.HEADLESS, Boolean.toString(options.headless()));
        properties.put(BenchConsole.ENABLED, "true");
        options.features().ifPresent(names -> properties.put(BenchProperties.FEATURES, String.join(",", names)));
        return properties;
    }

    private static Properties resource(String name) {
        InputStream in = Bench.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the launcher jar lacks its " + name);
        }
        Properties properties = new Properties();
        try (in) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the launcher's " + name, e);
        }
        return properties;
    }

    int bundleCount() {
        return framework.getBundleContext().getBundles().length;
    }

    /** Blocks until the framework stops, by {@code fb:shutdown}, the window closing, or {@link #stop()}. */
    void awaitStop() throws InterruptedException {
        FrameworkEvent event;
        do {
            event = framework.waitForStop(0);
        } while (event.getType() == FrameworkEvent.STOPPED_UPDATE);
    }

    /** The bundles that have not stopped yet, by symbolic name. */
    private static String stillStopping(Framework framework) {
        List<String> names = new ArrayList<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getBundleId() != 0 && (bundle.getState() & (Bundle.ACTIVE | Bundle.STOPPING)) != 0) {
                names.add(bundle.getSymbolicName());
            }
        }
        return names.isEmpty() ? "(none: the framework itself)" : String.join(", ", names);
    }

    /** Stops the bench if it runs; says whether this call stopped it, within the time allowed. */
    boolean stop() {
        boolean running = (framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0;
        return running && stop(framework);
    }

    private static boolean stop(Framework framework) {
        try {
            framework.stop();
            if (framework.waitForStop(STOP_TIMEOUT_MILLIS).getType() != FrameworkEvent.WAIT_TIMEDOUT) {
                return true;
            }
            System.err.println("fieldbench: not every bundle stopped within " + STOP_TIMEOUT_MILLIS / 1000 + " s; still stopping: "
                    + stillStopping(framework));
            return false;
        } catch (BundleException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
