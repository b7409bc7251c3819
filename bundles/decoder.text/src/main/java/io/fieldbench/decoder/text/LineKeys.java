package io.fieldbench.decoder.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys one line gave so far, to find a key given twice. A line holds a handful of keys, which
 * are compared one by one (most are the same {@link KeyNames} instance, equal at the first
 * comparison); past {@value #COMPARED} they go into a set, so a line of thousands of keys still
 * costs one lookup per key.
 */
final class LineKeys {

    /** Keys compared one by one at most. */
    static final int COMPARED = 16;

    private final List<String> few = new ArrayList<>();
    private Set<String> many;

    /** Adds the key; false when the line gave it already. */
    boolean add(String key) {
        if (many != null) {
            return many.add(key);
        }
        if (few.contains(key)) {
            return false;
        }
        few.add(key);
        if (few.size() > COMPARED) {
            many = new HashSet<>(few);
        }
        return true;
    }

    /** The keys added. */
    int count() {
        return many != null ? many.size() : few.size();
    }
}
