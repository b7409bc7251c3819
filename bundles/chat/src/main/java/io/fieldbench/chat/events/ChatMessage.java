package io.fieldbench.chat.events;

import java.time.Instant;

/**
 * One chat event as the view shows it. {@code client} is 0 for a message sent to every client;
 * {@code note} is the reason of a disconnect, or why a received message is incomplete (the
 * client's input ended in the middle of it), empty otherwise; {@code bytes} is empty for a
 * connect or disconnect and must not be changed.
 */
public record ChatMessage(Instant time, Direction direction, int client, String address, byte[] bytes, String note) {

    /** Which way the message went, or what happened to the connection. */
    public enum Direction {
        RECEIVED, SENT, CONNECTED, DISCONNECTED
    }

    /** The client id a message to all clients carries. */
    public static final int ALL_CLIENTS = 0;
}
