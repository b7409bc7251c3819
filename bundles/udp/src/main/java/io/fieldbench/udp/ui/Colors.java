package io.fieldbench.udp.ui;

import java.awt.Color;

import javax.swing.UIManager;

/** The few colours the Collector view adds, taken from the look and feel so that they suit its theme. */
final class Colors {

    private static final Color FALLBACK_ERROR = new Color(0xE0, 0x55, 0x55);
    private static final Color FALLBACK_OK = new Color(0x59, 0xA8, 0x69);

    private Colors() {
    }

    /** For problems: a port in use, decode errors, drops. */
    static Color error() {
        return themed("Actions.Red", FALLBACK_ERROR);
    }

    /** For a collector that listens. */
    static Color ok() {
        return themed("Actions.Green", FALLBACK_OK);
    }

    private static Color themed(String key, Color fallback) {
        Color color = UIManager.getColor(key);
        return color == null ? fallback : color;
    }
}
