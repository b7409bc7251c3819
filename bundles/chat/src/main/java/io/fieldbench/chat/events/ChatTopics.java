package io.fieldbench.chat.events;

/**
 * The EventAdmin topics and property names of the chat server, for its view and for anyone who
 * listens. Private to this bundle for now: they are meant to move to {@code io.fieldbench.api.chat}.
 */
public final class ChatTopics {

    /** Every chat topic, for a handler that takes them all. */
    public static final String ALL = "io/fieldbench/chat/*";
    /** A client sent the server a message (one frame as the framing setting cuts them). */
    public static final String RECEIVED = "io/fieldbench/chat/RECEIVED";
    /** The server sent a message to one client or to all of them. */
    public static final String SENT = "io/fieldbench/chat/SENT";
    public static final String CONNECTED = "io/fieldbench/chat/CONNECTED";
    public static final String DISCONNECTED = "io/fieldbench/chat/DISCONNECTED";

    /** A {@link ChatMessage}: what happened, to whom, when, with the bytes. */
    public static final String MESSAGE = "message";

    private ChatTopics() {
    }
}
