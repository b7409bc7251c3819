package io.fieldbench.api.imagerelay;

/**
 * EventAdmin topics of the image relay, for its view and for anyone who listens. Each event carries
 * one {@link RelayEvent} under {@link #EVENT}. Handlers must return fast (hand work to their own
 * thread).
 */
public final class ImageRelayEvents {

    /** Every image relay topic, for a handler that takes them all. */
    public static final String ALL = "io/fieldbench/imagerelay/*";
    /** A client connected. */
    public static final String CONNECTED = "io/fieldbench/imagerelay/CONNECTED";
    /** A client's connection ended; the event's text says why. */
    public static final String DISCONNECTED = "io/fieldbench/imagerelay/DISCONNECTED";
    /** A client sent an image and it was kept (or was a repeat of one kept). */
    public static final String RECEIVED = "io/fieldbench/imagerelay/RECEIVED";
    /** An image went to one client or to all: sent by the operator, or relayed. */
    public static final String SENT = "io/fieldbench/imagerelay/SENT";
    /** A connection or a message was refused: bad token, foreign origin, not an image, too large... */
    public static final String REFUSED = "io/fieldbench/imagerelay/REFUSED";

    /** Event property: the {@link RelayEvent}. */
    public static final String EVENT = "event";

    private ImageRelayEvents() {
    }
}
