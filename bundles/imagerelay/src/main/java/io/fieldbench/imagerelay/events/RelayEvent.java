package io.fieldbench.imagerelay.events;

import java.time.Instant;

import io.fieldbench.imagerelay.store.StoredImage;

/**
 * One thing that happened at the image relay, for the view's log.
 *
 * @param clientId the client it concerns; {@link #ALL_CLIENTS} for a send to all, {@link #NO_CLIENT}
 *        for a connection refused before it had an id
 * @param address the client's address as host:port
 * @param text what happened, in one line (a refusal's or disconnect's reason, "relayed to 3 clients")
 * @param bytes the bytes of the image or message concerned; 0 when none
 * @param millis how long the transfer took; 0 when not measured
 * @param image the image concerned, or null
 */
public record RelayEvent(Instant time, int clientId, String address, String text, long bytes, long millis,
        StoredImage image) {

    public static final int ALL_CLIENTS = -1;
    public static final int NO_CLIENT = 0;
}
