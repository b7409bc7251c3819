package io.fieldbench.chat.internal;

import io.fieldbench.server.support.tcp.DisconnectReason;

/** What the client handlers report to the server, on the clients' event loops: it must not block. */
interface ChatTraffic {

    void connected(ChatClient client);

    void received(ChatClient client, byte[] message);

    /** The message a client had begun when its input ended (half-close, close, reset), with why it is incomplete. */
    void unfinished(ChatClient client, byte[] message, String note);

    void disconnected(ChatClient client, DisconnectReason reason, String detail);

    /** A connection refused before it became a client, such as beyond max.clients. */
    void refused(String address, DisconnectReason reason);

    /** A message the framing would not take, such as a line longer than max.line.length. */
    void rejected(ChatClient client, String why);
}
