package io.fieldbench.core.feature;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.fieldbench.api.feature.FeatureEvents;
import io.fieldbench.api.feature.FeatureService;
import io.fieldbench.api.feature.FeatureStatus;
import io.fieldbench.core.BenchProperties;
import io.fieldbench.core.config.EtcApplied;

/**
 * Switches features on and off at run time and keeps the user's choice in the data directory.
 * <p>
 * The base features are the launcher's: {@code core} always runs, {@code shell} runs exactly when
 * the bench has a window. Every other feature is the user's to switch, and starts only once
 * FileInstall has applied {@code etc/}, so that no module starts with its defaults (and binds a
 * default port) for a moment before its settings file is read; those chosen at start-up start side
 * by side. All other bundle work happens on one worker thread, so callers (the Modules view, the
 * console) never block and changes never interleave.
 */
@Component(service = FeatureService.class, immediate = true)
public class FeatureManager implements FeatureService {

    static final String CORE = "core";
    static final String SHELL = "shell";
    private static final String CHOICE_FILE = "features.properties";
    private static final long STOP_WAIT_SECONDS = 10;
    /** FileInstall applies etc/ as it starts (noInitialDelay), or at its first poll a second later. */
    private static final Duration SETTINGS_WAIT = Duration.ofSeconds(5);

    @Reference
    private EventAdmin eventAdmin;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    @Reference
    private ConfigurationAdmin configurations;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "fieldbench-features"));
    private final Set<String> enabled = ConcurrentHashMap.newKeySet();
    private final BundleListener bundleListener = this::bundleChanged;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private BundleContext context;
    private FeatureRepository repository;
    private FeatureBundles bundles;
    private EnabledFeatures choice;
    private EtcApplied settingsApplied;

    @Activate
    void activate(BundleContext context) throws IOException {
        this.context = context;
        BenchProperties properties = new BenchProperties(context);
        repository = FeatureRepository.load(properties.home().resolve("features"));
        bundles = new FeatureBundles(context, new BundleLocations(properties.home().resolve("system")));
        choice = new EnabledFeatures(properties.data().resolve(CHOICE_FILE));
        settingsApplied = new EtcApplied(properties.settings(), configurations);
        Set<String> base = Stream.of(CORE, properties.headless() ? null : SHELL)
                .filter(name -> name != null && repository.contains(name)).collect(Collectors.toSet());

        Set<String> chosen = properties.features().isPresent()
                ? userFeatures(properties.features().get())
                : choice.load().map(this::userFeatures).orElseGet(this::allUserFeatures);
        enabled.addAll(base);
        enabled.addAll(chosen);
        context.addBundleListener(bundleListener);
        worker.execute(() -> {
            try {
                bundles.start(repository.bundles(base));
                awaitSettings();
                bundles.startTogether(chosen.stream().map(name -> repository.bundles(Set.of(name))).toList());
                saveChoice();
                log.info("Features enabled: {}", String.join(", ", new TreeSet<>(enabled)));
                announce("");
            } finally {
                ready.complete(null); // modules wait for it (the UDP collector listens only then): never leave it pending
            }
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        context.removeBundleListener(bundleListener);
        worker.shutdown();
        worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<Void> ready() {
        return ready.copy();
    }

    @Override
    public List<FeatureStatus> features() {
        return repository.all().stream()
                .map(f -> new FeatureStatus(f.name(), f.description(), enabled.contains(f.name()),
                        isSwitchable(f.name()), f.bundles().stream().map(bundles::status).toList()))
                .toList();
    }

    @Override
    public CompletionStage<Void> enable(String name) {
        return change(name, () -> {
            enabled.add(name);
            bundles.start(repository.bundles(Set.of(name)));
        });
    }

    @Override
    public CompletionStage<Void> disable(String name) {
        return change(name, () -> {
            enabled.remove(name);
            List<String> stillNeeded = repository.bundles(enabled);
            bundles.stop(repository.bundles(Set.of(name)).stream().filter(l -> !stillNeeded.contains(l)).toList());
        });
    }

    private CompletionStage<Void> change(String name, Runnable action) {
        try {
            repository.get(name);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!isSwitchable(name)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "feature '" + name + "' is part of the bench itself and cannot be switched"));
        }
        return CompletableFuture.runAsync(() -> {
            action.run();
            saveChoice();
            log.info("Feature {} is now {}", name, enabled.contains(name) ? "enabled" : "disabled");
            announce(name);
        }, worker);
    }

    /** On the worker: waits for FileInstall to apply etc/, or says which files it did not apply. */
    private void awaitSettings() {
        try {
            Set<String> unapplied = settingsApplied.await(SETTINGS_WAIT);
            if (!unapplied.isEmpty()) {
                log.warn("Settings files in <data>/etc/ not applied after {} s: {}; the features start without them:"
                        + " check these files (FileInstall logs why it refused one)",
                        SETTINGS_WAIT.toSeconds(), String.join(", ", unapplied));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isSwitchable(String name) {
        return !CORE.equals(name) && !SHELL.equals(name);
    }

    private Set<String> userFeatures(Set<String> names) {
        Set<String> known = new TreeSet<>();
        for (String name : names) {
            try {
                repository.get(name);
                if (isSwitchable(name)) {
                    known.add(name);
                }
            } catch (IllegalArgumentException e) {
                log.warn("Ignoring a saved or requested feature: {}", e.getMessage());
            }
        }
        return known;
    }

    private Set<String> allUserFeatures() {
        Set<String> all = new TreeSet<>();
        repository.all().forEach(f -> all.add(f.name()));
        return userFeatures(all);
    }

    private void saveChoice() {
        Set<String> chosen = new TreeSet<>(enabled);
        chosen.removeIf(n -> !isSwitchable(n));
        try {
            choice.save(chosen);
        } catch (IOException e) {
            log.error("Could not save the enabled features to the data directory ({}): check that it is writable", e.getMessage());
        }
    }

    private void bundleChanged(BundleEvent event) {
        // while the framework stops, EventAdmin is going too: nobody is left to tell
        boolean stopping = context.getBundle(0).getState() == Bundle.STOPPING;
        if (!stopping && bundles.isFeatureBundle(event.getBundle(), repository.bundles(enabled))) {
            announce("");
        }
    }

    private void announce(String feature) {
        eventAdmin.postEvent(new Event(FeatureEvents.CHANGED, Map.of(FeatureEvents.NAME, feature)));
    }
}
