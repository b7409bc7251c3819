package io.fieldbench.imagerelay.relay;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;

import io.fieldbench.api.imagerelay.ImageRelayEvents;
import io.fieldbench.api.imagerelay.RelayEvent;
import io.fieldbench.api.imagerelay.RelayedImage;
import io.fieldbench.api.server.ClientIds;
import io.fieldbench.imagerelay.store.ImageStore;
import io.fieldbench.imagerelay.store.StoredImage;
import io.fieldbench.server.support.tcp.DisconnectReason;

/**
 * Says what happens at the relay: one log line each (a refusal or a disconnect says why, and what
 * to do where that helps) and a {@link RelayEvent} for the view. Never blocks: EventAdmin posts
 * asynchronously.
 */
public final class RelayJournal implements RelayTraffic {

    private final Logger log;
    private final EventAdmin events;
    private final Clock clock;
    private final KeepProblem keepProblem = new KeepProblem();

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
        post(ImageRelayEvents.CONNECTED, new RelayEvent(seen.since(), seen.id(), seen.address(), "connected", 0, 0, Optional.empty()));
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
        post(ImageRelayEvents.DISCONNECTED, new RelayEvent(clock.instant(), seen.id(), seen.address(), "disconnected: " + why,
                0, 0, Optional.empty()));
    }

    @Override
    public void refused(String address, String why) {
        log.warn("Image relay connection from {} refused: {}", address, why);
        post(ImageRelayEvents.REFUSED, new RelayEvent(clock.instant(), RelayEvent.NO_CLIENT, address, "connection refused: "
                + why, 0, 0, Optional.empty()));
    }

    @Override
    public void refused(Connection client, String name, long bytes, String why) {
        String what = name.isEmpty() ? "a message" : "'" + name + "'";
        log.warn("Image relay client {} at {}: {} ({} bytes) refused: {}", client.id(), client.address(), what, bytes, why);
        post(ImageRelayEvents.REFUSED, new RelayEvent(clock.instant(), client.id(), client.address(), what + " refused: " + why,
                bytes, 0, Optional.empty()));
    }

    @Override
    public void notKept(Connection client, String name, long bytes, Path folder, String why) {
        if (keepProblem.failed(why)) {
            log.error("Image relay cannot keep images in {}: {}; uploads are refused, each sender told so, until it can"
                    + " again", folder, why);
        }
        String what = "'" + name + "' not kept: " + why;
        log.debug("Image relay client {} at {}: {}", client.id(), client.address(), what);
        post(ImageRelayEvents.REFUSED, new RelayEvent(clock.instant(), client.id(), client.address(), what, bytes, 0,
                Optional.empty()));
    }

    @Override
    public void received(Connection client, ImageStore.Kept kept, long millis) {
        long refusedMeanwhile = keepProblem.kept();
        if (refusedMeanwhile > 0) {
            log.info("Image relay keeps images again; {} were not kept meanwhile", refusedMeanwhile);
        }
        StoredImage image = kept.image();
        String file = image.file().getFileName().toString();
        String outcome = kept.duplicate() ? "a repeat of " + file + ", not stored again" : "kept as " + file;
        log.info("Image relay client {} at {} sent '{}' ({} bytes, {}x{} {}, {} ms): {}", client.id(), client.address(),
                image.name(), image.size(), image.width(), image.height(), image.mime(), millis, outcome);
        post(ImageRelayEvents.RECEIVED, new RelayEvent(clock.instant(), client.id(), client.address(), "received '"
                + image.name() + "': " + outcome, image.size(), millis, told(image)));
    }

    @Override
    public void relayed(Connection from, StoredImage image, int clients) {
        String text = "'" + image.name() + "' from client " + from.id() + " relayed to " + clients(clients);
        log.info("Image relay: {}", text);
        post(ImageRelayEvents.SENT, new RelayEvent(clock.instant(), ClientIds.ALL, from.address(), text, image.size(), 0,
                told(image)));
    }

    /** The operator sent a file to one client ({@code clientId}) or to all ({@link ClientIds#ALL}). */
    void sent(String file, long bytes, int clientId, int clients) {
        String to = clientId == ClientIds.ALL ? clients(clients) : "client " + clientId;
        log.info("Image relay: {} ({} bytes) sent to {}", file, bytes, to);
        post(ImageRelayEvents.SENT, new RelayEvent(clock.instant(), clientId, "", file + " sent to " + to, bytes, 0, Optional.empty()));
    }

    public static String clients(int count) {
        return count == 1 ? "1 client" : count + " clients";
    }

    /** The image as the event tells it: plain values, no class of this bundle. */
    private static Optional<RelayedImage> told(StoredImage image) {
        return Optional.of(new RelayedImage(image.name(), image.mime(), image.size(), image.width(), image.height(),
                image.file()));
    }

    private void post(String topic, RelayEvent event) {
        events.postEvent(new Event(topic, Map.of(ImageRelayEvents.EVENT, event)));
    }
}
