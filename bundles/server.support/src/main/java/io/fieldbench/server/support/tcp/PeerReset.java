package io.fieldbench.server.support.tcp;

import java.io.IOException;
import java.util.Locale;

/** Whether a socket failure says the peer reset the connection: the JDK says so only in the message. */
public final class PeerReset {

    private PeerReset() {
    }

    public static boolean isReset(Throwable cause) {
        return cause instanceof IOException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("reset");
    }
}
