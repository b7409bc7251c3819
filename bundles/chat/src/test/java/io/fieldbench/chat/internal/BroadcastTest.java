package io.fieldbench.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fieldbench.server.support.tcp.ClientRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;

/** A broadcast on clients' pipelines without sockets: each client's framing, one shared buffer, and what it came to. */
class BroadcastTest {

    private final RecordingTraffic traffic = new RecordingTraffic();
    private final ClientRegistry<ChatClient> registry = new ClientRegistry<>("chat", 10, Clock.systemUTC());

    private Broadcast broadcast(String text) {
        return broadcast(registry.unordered(), text);
    }

    private static Broadcast broadcast(Collection<ChatClient> to, String text) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        return Broadcast.send(to, message, new ChatClient.Kept(Instant.now(), false, message), System.nanoTime());
    }

    private EmbeddedChannel client(String framing) {
        return client(TestConfig.framing(framing).settings());
    }

    /** A client of a listener with these settings: the clients of one listener share its settings. */
    private EmbeddedChannel client(ChatSettings settings) {
        return EmbeddedClients.connect(registry, traffic, settings);
    }

    private static String written(EmbeddedChannel channel) {
        ByteBuf out = channel.readOutbound();
        try {
            return ByteBufUtil.hexDump(out);
        } finally {
            out.release();
        }
    }

    @Test
    void eachClientGetsTheMessageInTheFramingItConnectedWith() {
        EmbeddedChannel line = client("line");
        EmbeddedChannel length = client("length");
        EmbeddedChannel raw = client("raw");

        Broadcast sent = broadcast("hi");
        List.of(line, length, raw).forEach(EmbeddedChannel::runPendingTasks);

        assertEquals("68690a", written(line));
        assertEquals("00026869", written(length));
        assertEquals("6869", written(raw));
        Broadcast.Delivery delivery = sent.delivered().getNow(null);
        assertEquals(3, delivery.clients());
        assertEquals(3, delivery.written());
        assertTrue(sent.summary().startsWith("2 bytes to 3 clients: on all their sockets in "), sent.summary());
        assertEquals("hi", new String(registry.get(1).recent().get(0).bytes(), StandardCharsets.UTF_8), "kept for chat:log");
    }

    @Test
    void clientsWithOneFramingShareOneBufferThatIsFreedOnceAllHaveIt() {
        ChatSettings line = TestConfig.framing("line").settings();
        EmbeddedChannel first = client(line);
        EmbeddedChannel second = client(line);

        broadcast("hello");
        first.runPendingTasks();
        second.runPendingTasks();

        ByteBuf a = first.readOutbound();
        ByteBuf b = second.readOutbound();
        ByteBuf shared = a.unwrap();
        assertSame(shared, b.unwrap(), "one encoded buffer, a duplicate for each client");
        assertTrue(shared.isDirect(), "written to a socket as it is, without a copy");
        a.release();
        assertEquals(1, shared.refCnt());
        b.release();
        assertEquals(0, shared.refCnt());
    }

    @Test
    void aClientGoneBeforeItsLoopWroteIsCountedAsNotReached() {
        EmbeddedChannel staying = client("line");
        EmbeddedChannel leaving = client("line");

        List<ChatClient> both = List.copyOf(registry.unordered());
        leaving.close();
        Broadcast sent = broadcast(both, "bye");
        staying.runPendingTasks();
        leaving.runPendingTasks();

        assertEquals("6279650a", written(staying));
        Broadcast.Delivery delivery = sent.delivered().getNow(null);
        assertEquals(2, delivery.clients());
        assertEquals(1, delivery.written());
        assertTrue(sent.summary().endsWith("; 1 left before it was written"), sent.summary());
    }

    @Test
    void aMessageTooLongForAClientsLengthPrefixGoesToNone() {
        EmbeddedChannel line = client("line");
        EmbeddedChannel length = client("length");

        assertThrows(IllegalArgumentException.class, () -> broadcast("x".repeat(70_000)));
        line.runPendingTasks();
        length.runPendingTasks();

        assertNull(line.readOutbound());
        assertNull(length.readOutbound());
    }

    @Test
    void withNoClientItIsDeliveredAtOnce() {
        Broadcast sent = broadcast("anyone?");
        assertEquals(0, sent.delivered().getNow(null).clients());
    }
}
