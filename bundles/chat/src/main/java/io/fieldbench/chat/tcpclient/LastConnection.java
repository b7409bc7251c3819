package io.fieldbench.chat.tcpclient;

import io.fieldbench.chat.internal.Framing;

/** What the TCP client tool last connected with: the view starts with it after a restart. */
record LastConnection(String host, int port, Framing framing, String encoding) {

    /** Before the first connection: a chat server on this machine. */
    static final LastConnection FIRST = new LastConnection("127.0.0.1", 8080, Framing.LINE, "UTF-8");
}
