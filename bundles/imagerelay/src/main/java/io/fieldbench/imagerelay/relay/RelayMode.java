package io.fieldbench.imagerelay.relay;

import java.util.Locale;

/** What happens to an image a client sends: the {@code relay} setting. */
public enum RelayMode {
    /** Kept, and forwarded to every other client. */
    ALL,
    /** Kept, forwarded to nobody. */
    BENCH,
    /** Refused: clients only receive what the operator sends. */
    OFF;

    /** The setting's spelling: all, bench or off. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a setting names, or null. */
    static RelayMode parse(String setting) {
        for (RelayMode mode : values()) {
            if (mode.setting().equalsIgnoreCase(setting.trim())) {
                return mode;
            }
        }
        return null;
    }
}
