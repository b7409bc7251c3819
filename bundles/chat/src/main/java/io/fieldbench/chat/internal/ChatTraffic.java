package io.fieldbench.chat.internal;

/** What the client handlers report to the server, on the clients' event loops: it must not block. */
interface ChatTraffic {

    void connected(ChatClient client);

    void received(ChatClient client, byte[] message);

    void disconnected(ChatClient client, DisconnectReason reason, String detail);

    /** A connection refused before it became a client, such as beyond max.clients. */
    void refused(String address, DisconnectReason reason);

    /** A message the framing would not take, such as a line longer than max.line.length. */
    void rejected(ChatClient client, String why);
}
