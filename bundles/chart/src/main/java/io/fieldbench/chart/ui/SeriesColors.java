package io.fieldbench.chart.ui;

import java.awt.Color;

import io.fieldbench.chart.internal.SeriesKey;

/**
 * A series keeps its colour in every view and across restarts: the colour is chosen from the
 * series' name, not from the order it was checked in.
 */
final class SeriesColors {

    /** Distinct colours that read well on the dark theme (Tableau 10 and its light variants). */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC), new Color(0xA0CBE8), new Color(0xFFBE7D),
        new Color(0x8CD17D), new Color(0xB6992D), new Color(0x86BCB6), new Color(0xD4A6C8),
    };

    private SeriesColors() {
    }

    static Color of(SeriesKey key) {
        int hash = key.label().hashCode();
        // spread the bits, as String hashes of similar names differ only in their low bits
        hash ^= hash >>> 16;
        hash *= 0x45d9f3b;
        hash ^= hash >>> 16;
        return PALETTE[Math.floorMod(hash, PALETTE.length)];
    }
}
