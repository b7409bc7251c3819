package io.fieldbench.core.feature;

import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;

import io.fieldbench.api.feature.BundleStatus;
import io.fieldbench.api.feature.BundleStatus.State;
import io.fieldbench.support.DaemonThreads;

/**
 * Installs, starts and stops the bundles of features, and remembers why any of them failed so
 * the Modules view and the console can say so.
 */
final class FeatureBundles {

    private final BundleContext context;
    private final BundleLocations locations;
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    FeatureBundles(BundleContext context, BundleLocations locations) {
        this.context = context;
        this.locations = locations;
    }

    /** Installs what is missing, then starts them all, so that they resolve against each other. */
    void start(List<String> featureLocations) {
        for (Bundle bundle : installAll(featureLocations)) {
            if (!isFragment(bundle)) {
                try {
                    bundle.start(Bundle.START_TRANSIENT); // the launcher's kept cache starts nothing by itself
                    problems.remove(bundle.getLocation());
                } catch (BundleException | IllegalStateException e) {
                    problems.put(bundle.getLocation(), e instanceof BundleException be
                            ? BundleProblems.describe(be) : String.valueOf(e.getMessage()));
                }
            }
        }
    }

    /**
     * Starts several features' bundles side by side: installs them all, resolves them in one pass,
     * then starts each feature's bundles on a thread of its own, so a slow one holds up no other;
     * returns when every one was asked to start. Bundles
     * two features share are started by whichever comes first.
     */
    void startTogether(Collection<List<String>> features) {
        List<Bundle> all = installAll(features.stream().flatMap(List::stream).distinct().toList());
        context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class).resolveBundles(all);
        ExecutorService starters = Executors.newCachedThreadPool(DaemonThreads.named("fieldbench-feature-start"));
        try {
            CompletableFuture.allOf(features.stream()
                    .map(locations -> CompletableFuture.runAsync(() -> start(locations), starters))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            starters.shutdown();
        }
    }

    private List<Bundle> installAll(List<String> featureLocations) {
        return featureLocations.stream().map(this::install).filter(b -> b != null).toList();
    }

    /** Stops the bundles; they stay installed so their state can still be shown. */
    void stop(List<String> featureLocations) {
        for (String location : featureLocations) {
            Bundle bundle = context.getBundle(locations.installLocation(location));
            if (bundle != null && !isFragment(bundle)) {
                try {
                    bundle.stop();
                    problems.remove(bundle.getLocation());
                } catch (BundleException | IllegalStateException e) {
                    problems.put(bundle.getLocation(), "did not stop cleanly: " + e.getMessage());
                }
            }
        }
    }

    private Bundle install(String location) {
        String url = locations.installLocation(location);
        Bundle bundle = context.getBundle(url);
        if (bundle != null) {
            return bundle;
        }
        if (BundleLocations.file(url).filter(file -> !Files.exists(file)).isPresent()) {
            problems.put(url, BundleProblems.missingFile(url));
            return null;
        }
        try {
            return context.installBundle(url);
        } catch (BundleException | IllegalStateException e) {
            problems.put(url, "could not be installed: " + e.getMessage());
            return null;
        }
    }

    /** The state of one feature bundle as the user sees it. */
    BundleStatus status(String location) {
        String url = locations.installLocation(location);
        Bundle bundle = context.getBundle(url);
        String problem = problems.getOrDefault(url, "");
        if (bundle == null) {
            // a disabled feature's bundles are simply not installed; MISSING is for a file that is gone
            return new BundleStatus(location, "", problem.isEmpty() ? State.UNINSTALLED : State.MISSING, problem);
        }
        return new BundleStatus(bundle.getSymbolicName(), bundle.getVersion().toString(), stateOf(bundle), problem);
    }

    /** Whether this installed bundle belongs to the feature bundles this object manages. */
    boolean isFeatureBundle(Bundle bundle, List<String> featureLocations) {
        return featureLocations.stream().anyMatch(l -> locations.installLocation(l).equals(bundle.getLocation()));
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    static State stateOf(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> State.ACTIVE;
            case Bundle.RESOLVED -> isFragment(bundle) ? State.ATTACHED : State.RESOLVED;
            case Bundle.INSTALLED -> State.INSTALLED;
            case Bundle.STARTING -> State.STARTING;
            case Bundle.STOPPING -> State.STOPPING;
            default -> State.UNINSTALLED;
        };
    }
}
