package io.fieldbench.api.feature;

/**
 * One bundle of a feature.
 *
 * @param symbolicName the bundle's symbolic name, or its location when it is not installed
 * @param version      the bundle's version, empty when not installed
 * @param state        where the bundle is in its life
 * @param problem      why the bundle does not run, in words for a lab engineer; empty when there is none
 */
public record BundleStatus(String symbolicName, String version, State state, String problem) {

    /** Whether the bundle does its part: it is active, or a fragment attached to its host. */
    public boolean running() {
        return state == State.ACTIVE || state == State.ATTACHED;
    }

    /** A bundle's state as the user sees it: the framework's states, and three of the bench's own. */
    public enum State {
        ACTIVE, RESOLVED, INSTALLED, STARTING, STOPPING,
        /** A fragment resolved with its host: all a fragment does, it never becomes active. */
        ATTACHED,
        /** Not installed: its feature was never enabled, or is disabled. */
        UNINSTALLED,
        /** Its file is gone. */
        MISSING
    }
}
