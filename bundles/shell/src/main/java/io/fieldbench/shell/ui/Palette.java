package io.fieldbench.shell.ui;

import java.awt.Color;

import javax.swing.UIManager;

/** The few colours the built-in views add to the look and feel, taken from it so they suit the theme. */
public final class Palette {

    private static final Color FALLBACK_ERROR = new Color(0xE0, 0x55, 0x55);
    private static final Color FALLBACK_WARNING = new Color(0xD9, 0xA3, 0x43);
    private static final Color FALLBACK_OK = new Color(0x59, 0xA8, 0x69);

    private Palette() {
    }

    /** For problems: failed bundles, errors, rejected input. */
    public static Color error() {
        return themed("Actions.Red", FALLBACK_ERROR);
    }

    public static Color warning() {
        return themed("Actions.Yellow", FALLBACK_WARNING);
    }

    /** For things that run as they should. */
    public static Color ok() {
        return themed("Actions.Green", FALLBACK_OK);
    }

    private static Color themed(String key, Color fallback) {
        Color color = UIManager.getColor(key);
        return color == null ? fallback : color;
    }
}
