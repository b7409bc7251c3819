package io.fieldbench.chat.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.fieldbench.server.support.tcp.DisconnectReason;

/** Keeps what the handlers report, for the tests; the handlers of a real socket report from several event loops. */
final class RecordingTraffic implements ChatTraffic {

    final List<ChatClient> connected = Collections.synchronizedList(new ArrayList<>());
    final List<String> received = Collections.synchronizedList(new ArrayList<>());
    final List<DisconnectReason> disconnected = Collections.synchronizedList(new ArrayList<>());
    final List<DisconnectReason> refused = Collections.synchronizedList(new ArrayList<>());
    final List<String> rejected = Collections.synchronizedList(new ArrayList<>());

    /** Forgets what was reported so far. */
    void clear() {
        connected.clear();
        received.clear();
        disconnected.clear();
        refused.clear();
        rejected.clear();
    }

    @Override
    public void connected(ChatClient client) {
        connected.add(client);
    }

    @Override
    public void received(ChatClient client, byte[] message) {
        received.add(client.id() + ":" + ShownText.text(message, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void unfinished(ChatClient client, byte[] message, String note) {
        received.add(client.id() + ":" + ShownText.text(message, java.nio.charset.StandardCharsets.UTF_8) + " [" + note + "]");
    }

    @Override
    public void disconnected(ChatClient client, DisconnectReason reason, String detail) {
        disconnected.add(reason);
    }

    @Override
    public void refused(String address, DisconnectReason reason) {
        refused.add(reason);
    }

    @Override
    public void rejected(ChatClient client, String why) {
        rejected.add(why);
    }
}
