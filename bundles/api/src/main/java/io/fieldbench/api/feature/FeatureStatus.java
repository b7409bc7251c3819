package io.fieldbench.api.feature;

import java.util.List;

/**
 * One feature as the user sees it.
 *
 * @param name        the feature's name, as given to {@code --features}
 * @param description one line saying what the feature brings
 * @param enabled     whether the user switched it on
 * @param switchable  whether the user can switch it; {@code false} for the bench's base
 *                    features (core, and the window's shell), which the launcher controls
 * @param bundles     its bundles, with their states
 */
public record FeatureStatus(String name, String description, boolean enabled, boolean switchable,
        List<BundleStatus> bundles) {

    public FeatureStatus {
        bundles = List.copyOf(bundles);
    }

    /** How many of the feature's bundles do their part ({@link BundleStatus#running()}): all of them when it runs fully. */
    public long runningBundles() {
        return bundles.stream().filter(BundleStatus::running).count();
    }

    /** Whether any of the feature's bundles has a problem to show. */
    public boolean hasProblem() {
        return bundles.stream().anyMatch(b -> !b.problem().isEmpty());
    }
}
