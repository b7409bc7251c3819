package io.fieldbench.imagerelay.relay;

import java.time.Clock;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;

import io.fieldbench.imagerelay.events.RelayEvent;
import io.fieldbench.imagerelay.events.RelayTopics;
import io.fieldbench.imagerelay.store.ImageStore;
import io.fieldbench.imagerelay.store.StoredImage;

/**
 * Says what happens at the relay: one log line each (a refusal or a disconnect says why, and what
 * to do where that helps) and a {@link RelayEvent} for the view. Never blocks: EventAdmin posts
 * asynchronously.
 */
public final class RelayJournal implements RelayTraffic {

    private final Logger log;
    private final EventAdmin events;
    private final Clock clock;

    RelayJournal(Logger log, EventAdmin events, Clock clock) {
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void connected(Connection client) {
        RelayClient seen = client.snapshot();
        log.info("Image relay client {} connected from {}{}", seen.id(), seen.address(),
                seen.agent().isEmpty() ? "" : " (" + seen.agent() + ")");
        post(RelayTopics.CONNECTED, new RelayEvent(seen.since(), seen.id(), seen.address(), "connected", 0, 0, null));
    }

    @Override
    public void disconnected(Connection client, DisconnectReason reason, String detail) {
        RelayClient seen = client.snapshot();
        String why = detail.isEmpty() ? reason.text() : reason.text() + " (" + detail + ")";
        String line = "Image relay client " + seen.id() + " at " + seen.address() + " disconnected: " + why + "; images in "
                + seen.imagesIn() + " (" + seen.bytesIn() + " bytes), out " + seen.imagesOut() + " (" + seen.bytesOut()
                + " bytes)";
        switch (reason) {
            case SERVER_STOPPING -> log.debug(line);
            case CLOSED_BY_PEER, IDLE_TIMEOUT -> log.info(line);
            default -> log.warn(line);
        }
        post(RelayTopics.DISCONNECTED, new RelayEvent(clock.instant(), seen.id(), seen.address(), "disconnected: " + why,
                0, 0, null));
    }

    @Override
    public void refused(String address, String why) {
        log.warn("Image relay connection from {} refused: {}", address, why);
        post(RelayTopics.REFUSED, new RelayEvent(clock.instant(), RelayEvent.NO_CLIENT, address, "connection refused: "
                + why, 0, 0, null));
    }

    @Override
    public void refused(Connection client, String name, long bytes, String why) {
        String what = name.isEmpty() ? "a message" : "'" + name + "'";
        log.warn("Image relay client {} at {}: {} ({} bytes) refused: {}", client.id(), client.address(), what, bytes, why);
        post(RelayTopics.REFUSED, new RelayEvent(clock.instant(), client.id(), client.address(), what + " refused: " + why,
                bytes, 0, null));
    }

    @Override
    public void received(Connection client, ImageStore.Kept kept, long millis) {
        StoredImage image = kept.image();
        String file = image.file().getFileName().toString();
        String outcome = kept.duplicate() ? "a repeat of " + file + ", not stored again" : "kept as " + file;
        log.info("Image relay client {} at {} sent '{}' ({} bytes, {}x{} {}, {} ms): {}", client.id(), client.address(),
                image.name(), image.size(), image.width(), image.height(), image.mime(), millis, outcome);
        post(RelayTopics.RECEIVED, new RelayEvent(clock.instant(), client.id(), client.address(), "received '"
                + image.name() + "': " + outcome, image.size(), millis, image));
    }

    @Override
    public void relayed(Connection from, StoredImage image, int clients) {
        String text = "'" + image.name() + "' from client " + from.id() + " relayed to " + clients(clients);
        log.info("Image relay: {}", text);
        post(RelayTopics.SENT, new RelayEvent(clock.instant(), RelayEvent.ALL_CLIENTS, from.address(), text, image.size(), 0,
                image));
    }

    /** The operator sent a file to one client ({@code clientId}) or to all ({@link RelayEvent#ALL_CLIENTS}). */
    void sent(String file, long bytes, int clientId, int clients) {
        String to = clientId == RelayEvent.ALL_CLIENTS ? clients(clients) : "client " + clientId;
        log.info("Image relay: {} ({} bytes) sent to {}", file, bytes, to);
        post(RelayTopics.SENT, new RelayEvent(clock.instant(), clientId, "", file + " sent to " + to, bytes, 0, null));
    }

    public static String clients(int count) {
        return count == 1 ? "1 client" : count + " clients";
    }

    private void post(String topic, RelayEvent event) {
        events.postEvent(new Event(topic, Map.of(RelayTopics.EVENT, event)));
    }
}
