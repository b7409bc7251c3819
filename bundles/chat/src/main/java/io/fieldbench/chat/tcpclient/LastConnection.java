package io.fieldbench.chat.tcpclient;

import io.fieldbench.chat.internal.Framing;

/** What the TCP client tool last connected with: the view starts with it after a restart. */
record LastConnection(String host, int port, Framing framing, String encoding) {

    /**
     * Before the first connection: the bench's own chat server on this machine, framed as that
     * server frames by default (raw), so its replies show as they come rather than wait for a line end.
     */
    static final LastConnection FIRST = new LastConnection("127.0.0.1", 8080, Framing.RAW, "UTF-8");
}
