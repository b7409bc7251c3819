package io.fieldbench.core.feature;

import java.util.List;

/**
 * A feature as declared in a Karaf-style features file: the bundles of one module and the
 * features it builds on.
 *
 * @param name        what users type after {@code --features}
 * @param description one line for the Modules view
 * @param startLevel  Karaf's {@code start-level} attribute: features started together start in its
 *                    order, so one that produces samples can start after those that follow them
 * @param requires    names of the features this one builds on
 * @param bundles     bundle locations ({@code mvn:group/artifact/version} or a URL), in start order
 */
public record Feature(String name, String description, int startLevel, List<String> requires, List<String> bundles) {

    /** Karaf's start level for a feature's bundles when its file names none. */
    public static final int DEFAULT_START_LEVEL = 80;

    public Feature {
        requires = List.copyOf(requires);
        bundles = List.copyOf(bundles);
    }
}
