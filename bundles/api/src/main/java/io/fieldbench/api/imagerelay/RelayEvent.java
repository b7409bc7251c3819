package io.fieldbench.api.imagerelay;

import java.time.Instant;
import java.util.Optional;

import io.fieldbench.api.server.ClientIds;

/**
 * One thing that happened at the image relay, for the view's log.
 *
 * @param clientId the client it concerns; {@link ClientIds#ALL} for a send to all, {@link #NO_CLIENT}
 *        for a connection refused before it had an id
 * @param address the client's address as host:port
 * @param text what happened, in one line (a refusal's or disconnect's reason, "relayed to 3 clients")
 * @param bytes the bytes of the image or message concerned; 0 when none
 * @param millis how long the transfer took; 0 when not measured
 * @param image the image kept or relayed, when the event concerns one
 */
public record RelayEvent(Instant time, int clientId, String address, String text, long bytes, long millis,
        Optional<RelayedImage> image) {

    /** The client id of a connection refused before it became a client. */
    public static final int NO_CLIENT = -1;
}
