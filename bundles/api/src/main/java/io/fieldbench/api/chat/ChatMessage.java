package io.fieldbench.api.chat;

import java.time.Instant;

import io.fieldbench.api.server.ClientIds;

/**
 * One chat event as the view shows it.
 *
 * @param client the client's id, or {@link ClientIds#ALL} for a message sent to every client
 * @param address the client's address as host:port
 * @param bytes the message; empty for a connect or disconnect; do not modify
 * @param note the reason of a disconnect, or why a received message is incomplete (the client's
 *        input ended in the middle of it); empty otherwise
 */
public record ChatMessage(Instant time, Direction direction, int client, String address, byte[] bytes, String note) {

    /** Which way the message went, or what happened to the connection. */
    public enum Direction {
        RECEIVED, SENT, CONNECTED, DISCONNECTED
    }
}
