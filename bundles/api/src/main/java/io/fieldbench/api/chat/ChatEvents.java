package io.fieldbench.api.chat;

/**
 * EventAdmin topics of the TCP chat server, for its view and for anyone who listens. Each event
 * carries one {@link ChatMessage} under {@link #MESSAGE}. Handlers must return fast (hand work to
 * their own thread).
 */
public final class ChatEvents {

    /** Every chat topic, for a handler that takes them all. */
    public static final String ALL = "io/fieldbench/chat/*";
    /** A client sent the server a message (one frame as the framing setting cuts them). */
    public static final String RECEIVED = "io/fieldbench/chat/RECEIVED";
    /** The server sent a message to one client or to all of them. */
    public static final String SENT = "io/fieldbench/chat/SENT";
    /** A client connected. */
    public static final String CONNECTED = "io/fieldbench/chat/CONNECTED";
    /** A client's connection ended; the message's note says why. */
    public static final String DISCONNECTED = "io/fieldbench/chat/DISCONNECTED";

    /** Event property: the {@link ChatMessage}. */
    public static final String MESSAGE = "message";

    private ChatEvents() {
    }
}
