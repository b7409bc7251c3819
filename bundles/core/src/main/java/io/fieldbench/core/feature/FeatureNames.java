package io.fieldbench.core.feature;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Lists of feature names as users write them: {@code udp, chart}. */
public final class FeatureNames {

    private FeatureNames() {
    }

    /** Splits a comma-separated list, dropping blanks and repeats. */
    public static Set<String> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
