package io.fieldbench.chat.tcpclient;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

import org.osgi.service.log.Logger;

import io.fieldbench.view.support.BoundedIntake;

/**
 * What happened on the client's connection, waiting for the panel's next tick, bounded: when the
 * panel falls behind a flood of replies, the newest are dropped and counted, so the EDT does at
 * most one batch a tick and the I/O thread never waits.
 */
final class ClientLog {

    static final int CAPACITY = 10_000;

    enum Direction { SENT, RECEIVED, NOTE }

    /**
     * One line of the log: bytes sent or received, or a note (connected, disconnected, skipped);
     * received bytes have a note when the connection ended in the middle of their message.
     */
    record Entry(Instant time, Direction direction, byte[] bytes, String note) {
    }

    private final BoundedIntake<Entry> waiting = new BoundedIntake<>(CAPACITY);

    void sent(byte[] bytes) {
        waiting.offer(new Entry(Instant.now(), Direction.SENT, bytes, ""));
    }

    void note(String note) {
        waiting.offer(new Entry(Instant.now(), Direction.NOTE, new byte[0], note));
    }

    List<Entry> drain() {
        return waiting.drain();
    }

    long dropped() {
        return waiting.dropped();
    }

    /** The client's listener: logs connects and disconnects, and queues everything for the panel. */
    /** The note of bytes shown before their frame end came; the whole message follows when it does. */
    static final String NO_END_YET = "no frame end yet: shown so far, the whole message follows";

    TcpClient.Listener listener(Logger log) {
        return new TcpClient.Listener() {
            @Override
            public void connected(InetSocketAddress peer) {
                log.info("TCP client connected to {}", peer);
                note("connected to " + peer);
            }

            @Override
            public void received(byte[] message) {
                waiting.offer(new Entry(Instant.now(), Direction.RECEIVED, message, ""));
            }

            @Override
            public void unfinished(byte[] message, String note) {
                log.warn("TCP client: the peer's last {} bytes {}", message.length, note);
                waiting.offer(new Entry(Instant.now(), Direction.RECEIVED, message, note));
            }

            @Override
            public void pending(byte[] begun) {
                waiting.offer(new Entry(Instant.now(), Direction.RECEIVED, begun, NO_END_YET));
            }

            @Override
            public void skipped(String why) {
                log.warn("TCP client skipped a reply: {}", why);
                note("skipped: " + why);
            }

            @Override
            public void disconnected(TcpClient.Reason reason, String detail) {
                String text = reason.text() + (detail.isEmpty() ? "" : " (" + detail + ")");
                log.info("TCP client disconnected: {}", text);
                note("disconnected: " + text);
            }
        };
    }
}
