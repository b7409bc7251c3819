package io.fieldbench.imagerelay.relay;

import java.nio.file.Path;

import io.fieldbench.imagerelay.store.ImageStore;
import io.fieldbench.imagerelay.store.StoredImage;
import io.fieldbench.server.support.tcp.DisconnectReason;

/**
 * What the relay's handlers and its intake report, to be logged and published: on event loops and
 * the intake thread, so it must not block.
 */
interface RelayTraffic {

    void connected(Connection client);

    void disconnected(Connection client, DisconnectReason reason, String detail);

    /** A connection refused before it became a client: bad token, foreign origin, too many clients. */
    void refused(String address, String why);

    /** A message of a client refused, with the reason it was told. */
    void refused(Connection client, String name, long bytes, String why);

    /** An image refused because it could not be written into {@code folder}, the client told why. */
    void notKept(Connection client, String name, long bytes, Path folder, String why);

    /** An image a client sent, kept (or found a repeat of one kept). */
    void received(Connection client, ImageStore.Kept kept, long millis);

    /** An image forwarded to {@code clients} other clients. */
    void relayed(Connection from, StoredImage image, int clients);
}
