package io.fieldbench.api.feature;

/** EventAdmin topics about features. */
public final class FeatureEvents {

    /** A feature was enabled or disabled, or one of its bundles changed state. Property {@link #NAME}. */
    public static final String CHANGED = "io/fieldbench/feature/CHANGED";

    /** Event property: the feature's name. */
    public static final String NAME = "name";

    private FeatureEvents() {
    }
}
