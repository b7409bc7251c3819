package io.fieldbench.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSenderTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path folder;

    private Outbox outbox;
    private final List<String> sent = new ArrayList<>();
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private final OutboxSender.Link broker = (topic, payload) -> {
        sent.add(new String(payload, StandardCharsets.UTF_8));
        CompletableFuture<Void> ack = new CompletableFuture<>();
        waiting.add(ack);
        return ack;
    };

    @BeforeEach
    void open() throws IOException {
        outbox = Outbox.open(folder, 1L << 30);
    }

    @AfterEach
    void close() throws IOException {
        outbox.close();
    }

    @Test
    void liveMessagesGoOutAndAreForgottenOnceAcknowledged() throws IOException {
        OutboxSender sender = sender(10, 100);
        sender.connected(broker);
        append("a", "b");
        sender.pump(0);
        assertEquals(List.of("a", "b"), sent);
        assertEquals(2, outbox.pending(), "not acknowledged yet");

        waiting.forEach(ack -> ack.complete(null));
        sender.pump(0);
        assertEquals(0, outbox.pending());
        assertEquals(2, sender.published());
    }

    @Test
    void atMostTheWindowWaitsForAcknowledgement() throws IOException {
        OutboxSender sender = sender(2, 100);
        sender.connected(broker);
        append("a", "b", "c");
        sender.pump(0);
        assertEquals(List.of("a", "b"), sent);

        waiting.get(0).complete(null);
        sender.pump(0);
        assertEquals(List.of("a", "b", "c"), sent);
    }

    @Test
    void whatWasNotAcknowledgedBeforeADisconnectionIsSentAgainAfterIt() throws IOException {
        OutboxSender sender = sender(10, 100);
        sender.connected(broker);
        append("a", "b");
        sender.pump(0);
        waiting.get(0).complete(null);
        sender.pump(0);
        sender.disconnected();
        append("c");
        waiting.get(1).complete(null); // an acknowledgement of the lost connection: it proves nothing now
        sent.clear();

        sender.connected(broker);
        sender.pump(SECOND);
        assertEquals(List.of("b", "c"), sent, "the backlog: b (unconfirmed) and c (appended while away)");
    }

    @Test
    void theBacklogIsReplayedAtItsRateWhileLiveMessagesGoFirst() throws IOException {
        append("old1", "old2", "old3", "old4");
        OutboxSender sender = sender(100, 2);
        sender.connected(broker);
        append("live1");

        sender.pump(0);
        assertEquals(List.of("live1", "old1", "old2"), sent, "live first, then one second's worth of backlog");
        append("live2");
        sender.pump(SECOND / 2);
        assertEquals(List.of("live1", "old1", "old2", "live2", "old3"), sent, "half a second: one more of the backlog");
        sender.pump(SECOND);
        assertEquals(List.of("live1", "old1", "old2", "live2", "old3", "old4"), sent);

        waiting.forEach(ack -> ack.complete(null));
        sender.pump(SECOND);
        assertEquals(0, outbox.pending());
        assertEquals(false, sender.catchingUp());
    }

    @Test
    void aMessageTheBrokerRefusesIsCountedAndSkipped() throws IOException {
        OutboxSender sender = new OutboxSender(outbox, 10, 100, failure -> failure instanceof IllegalArgumentException, () -> { });
        sender.connected(broker);
        append("too big", "fine");
        sender.pump(0);
        waiting.get(0).completeExceptionally(new IllegalArgumentException("packet too large"));
        waiting.get(1).complete(null);
        sender.pump(0);

        assertEquals(0, outbox.pending());
        assertEquals(1, sender.refused());
        assertEquals("packet too large", sender.lastRefusal());
    }

    private OutboxSender sender(int window, int replayPerSecond) {
        return new OutboxSender(outbox, window, replayPerSecond, failure -> false, () -> { });
    }

    private void append(String... messages) throws IOException {
        for (String message : messages) {
            outbox.append("t", message.getBytes(StandardCharsets.UTF_8), 0);
        }
    }
}
