package io.fieldbench.core.console;

import java.util.List;

import io.fieldbench.api.feature.BundleStatus;
import io.fieldbench.api.feature.FeatureStatus;

/** {@code fb:features}: one line per feature, each bundle's problem below it. */
final class FeatureTable {

    private static final String ROW = "%-12s %-9s %-8s %s%n";

    private FeatureTable() {
    }

    /** Name, on/off, bundles running of all (a fragment attached to its host runs), description. */
    static String of(List<FeatureStatus> features) {
        StringBuilder text = new StringBuilder(String.format(ROW, "FEATURE", "STATE", "ACTIVE", "DESCRIPTION"));
        for (FeatureStatus feature : features) {
            text.append(String.format(ROW, feature.name(), feature.enabled() ? "enabled" : "disabled",
                    feature.runningBundles() + "/" + feature.bundles().size(), feature.description()));
            for (BundleStatus bundle : feature.bundles()) {
                if (!bundle.problem().isEmpty()) {
                    text.append("    ").append(bundle.symbolicName()).append(": ").append(bundle.problem()).append('\n');
                }
            }
        }
        return text.toString().stripTrailing();
    }
}
