package io.fieldbench.udp.internal;

import java.util.Locale;
import java.util.Optional;

/** What the collector sends back to the sender of a datagram. */
public enum ReplyMode {
    /** Nothing. */
    NONE,
    /** The datagram itself. */
    ECHO,
    /** The ack template with the received text in it, as field firmware often expects. */
    ACK;

    /** The mode a setting names, ignoring case. */
    public static Optional<ReplyMode> named(String name) {
        for (ReplyMode mode : values()) {
            if (mode.setting().equalsIgnoreCase(name.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The value in {@code etc/io.fieldbench.udp.cfg}. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }
}
