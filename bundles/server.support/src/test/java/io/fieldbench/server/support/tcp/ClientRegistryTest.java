package io.fieldbench.server.support.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.channel.embedded.EmbeddedChannel;

/** The chat's and the relay's client registry, and why a client's connection ended. */
class ClientRegistryTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private final ClientRegistry<TestClient> registry = new ClientRegistry<>("test", 2, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void idsCountUpFromOneAndAreNotReusedWhileTheSocketIsOpen() {
        TestClient first = admit();
        TestClient second = admit();
        registry.remove(first);
        TestClient third = admit();

        assertEquals(List.of(2, 3), registry.all().stream().map(TestClient::id).toList());
        assertSame(third, registry.get(3));
        assertNull(registry.get(first.id()), "a removed id names nobody");
        assertEquals(NOW, second.since());
    }

    @Test
    void maxClientsAreAdmittedAndNoMore() {
        admit();
        assertFalse(registry.full());
        admit();

        assertTrue(registry.full());
        assertNull(admit(), "one too many");
        assertEquals(2, registry.size());
    }

    /** A broadcast sent once size() says a client is there must reach it. */
    @Test
    void aClientBeingAdmittedIsCountedOnlyOnceItCanBeReached() {
        List<Integer> sizesWhileMaking = new ArrayList<>();
        registry.admit((id, since) -> {
            sizesWhileMaking.add(registry.size());
            return new TestClient(id, since);
        });

        assertEquals(List.of(0), sizesWhileMaking);
        assertEquals(1, registry.size());
        assertEquals(1, registry.unordered().size());
    }

    @Test
    void removingTwiceFreesOnePlace() {
        TestClient client = admit();
        registry.remove(client);
        registry.remove(client);

        assertEquals(0, registry.size());
        admit();
        admit();
        assertTrue(registry.full());
    }

    @Test
    void aStoppingServerNotesItForEveryClient() {
        TestClient kicked = admit();
        kicked.closing().note(DisconnectReason.KICKED, "");
        TestClient other = admit();

        registry.stopping();

        assertEquals(DisconnectReason.KICKED, kicked.closing().reason(), "the first reason stays");
        assertEquals(DisconnectReason.SERVER_STOPPING, other.closing().reason());
    }

    @Test
    void aConnectionNotClosedByTheServerWasClosedByThePeer() {
        Closing closing = new Closing();
        assertEquals(DisconnectReason.CLOSED_BY_PEER, closing.reason());
        assertEquals("", closing.detail());

        closing.note(DisconnectReason.TOO_SLOW, "2048 bytes waiting");
        closing.note(DisconnectReason.RESET, "");

        assertEquals(DisconnectReason.TOO_SLOW, closing.reason());
        assertEquals("2048 bytes waiting", closing.detail());
        assertEquals("too slow: it does not read what it is sent (outbound.limit.bytes passed)", closing.reason().text());
    }

    private TestClient admit() {
        return registry.admit((id, since) -> new TestClient(id, since));
    }

    private static final class TestClient extends ConnectedClient {
        TestClient(int id, Instant since) {
            super(id, new EmbeddedChannel(), since);
        }
    }
}
