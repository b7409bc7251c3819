package io.fieldbench.api.feature;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists the features of the distribution and switches them on and off. The choice persists in
 * the data directory. Every change is announced with a {@link FeatureEvents#CHANGED} event.
 */
@ProviderType
public interface FeatureService {

    /**
     * Completes once the features chosen at start-up were started (each bundle asked to start),
     * so that a console or a test can wait for the bench to be whole.
     */
    CompletionStage<Void> ready();

    /** A snapshot of every known feature with the current state of its bundles, in name order. */
    List<FeatureStatus> features();

    /**
     * Starts the feature's bundles (and the features it builds on) off the caller's thread.
     * The stage fails with {@link IllegalArgumentException} for an unknown name and
     * completes normally when every bundle was asked to start; a bundle that failed to start
     * is reported in its {@link BundleStatus#problem()}.
     */
    CompletionStage<Void> enable(String name);

    /** Stops the feature's bundles that no other enabled feature needs, off the caller's thread. */
    CompletionStage<Void> disable(String name);
}
