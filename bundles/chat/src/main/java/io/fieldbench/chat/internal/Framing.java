package io.fieldbench.chat.internal;

import java.util.Locale;

/** How the byte stream of a client is cut into messages, both ways. */
public enum Framing {
    /** As the bytes arrive: each read is one message; sent bytes go out as given. */
    RAW,
    /** Lines ending with LF or CRLF (the ending is not part of the message); a sent message gets an LF. */
    LINE,
    /** A big-endian length prefix of 2 or 4 bytes before each message, both ways. */
    LENGTH;

    /** The setting's spelling. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The framing a setting names, or null if it names none. */
    static Framing parse(String setting) {
        for (Framing framing : values()) {
            if (framing.setting().equalsIgnoreCase(setting == null ? "" : setting.trim())) {
                return framing;
            }
        }
        return null;
    }
}
