package io.fieldbench.integration;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.fieldbench.api.feature.FeatureService;
import io.fieldbench.api.feature.FeatureStatus;

/**
 * The test bench's one switchable feature, {@code probe} (see src/test-home/features/probe.xml),
 * and its bundle, which the feature manager installs from the bench folder.
 */
final class ProbeFeature {

    static final String NAME = "probe";
    static final String BUNDLE = "io.fieldbench.probe";

    private final FeatureService features;
    private final BundleContext context;

    ProbeFeature(FeatureService features, BundleContext context) {
        this.features = features;
        this.context = context;
    }

    void enable() throws InterruptedException, ExecutionException, TimeoutException {
        features.enable(NAME).toCompletableFuture().get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    void disable() throws InterruptedException, ExecutionException, TimeoutException {
        features.disable(NAME).toCompletableFuture().get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** The feature as the service lists it now. */
    FeatureStatus status() {
        return features.features().stream().filter(f -> NAME.equals(f.name())).findFirst()
                .orElseThrow(() -> new AssertionError("the feature service does not list '" + NAME + "': " + features.features()));
    }

    /** The probe bundle, once the feature manager has installed it. */
    Optional<Bundle> bundle() {
        return Arrays.stream(context.getBundles()).filter(b -> BUNDLE.equals(b.getSymbolicName())).findFirst();
    }

    boolean isActive() {
        return bundle().map(b -> b.getState() == Bundle.ACTIVE).orElse(false);
    }
}
