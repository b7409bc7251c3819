package io.fieldbench.server.support.tcp;

/**
 * Why the server closes one client's connection, noted before the close so that the disconnect
 * can say it: the first reason noted stays (a kick is not turned into a reset by what follows).
 * Noted on any thread, read once the connection ended.
 */
public final class Closing {

    private DisconnectReason reason;
    private String detail = "";

    /** Notes why, unless a reason was noted already. */
    public synchronized void note(DisconnectReason why, String about) {
        if (reason == null) {
            reason = why;
            detail = about;
        }
    }

    /** What the server noted, else the peer closed the connection. */
    public synchronized DisconnectReason reason() {
        return reason == null ? DisconnectReason.CLOSED_BY_PEER : reason;
    }

    /** More about the reason (the bytes waiting, the exception), or empty. */
    public synchronized String detail() {
        return detail;
    }
}
