package io.fieldbench.api.feature;

/**
 * One bundle of a feature.
 *
 * @param symbolicName the bundle's symbolic name, or its location when it is not installed
 * @param version      the bundle's version, empty when not installed
 * @param state        {@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, {@code STARTING}, {@code STOPPING},
 *                     {@code UNINSTALLED} (its feature was never enabled) or {@code MISSING} (its file is gone)
 * @param problem      why the bundle does not run, in words for a lab engineer; empty when there is none
 */
public record BundleStatus(String symbolicName, String version, String state, String problem) {
}
