package io.fieldbench.api.server;

/**
 * The ids the bench's TCP servers (chat, image relay) give their clients: short numbers counted up
 * from 1, never reused while the server listens, so that an id typed a moment later never reaches
 * another client. Their events, console commands and views name a message to every client with
 * {@link #ALL}.
 */
public final class ClientIds {

    /** The client id of something sent to every client. */
    public static final int ALL = 0;

    private ClientIds() {
    }
}
