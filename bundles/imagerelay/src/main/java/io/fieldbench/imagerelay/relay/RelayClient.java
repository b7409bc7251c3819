package io.fieldbench.imagerelay.relay;

import java.time.Instant;

/**
 * A connected client of the image relay, as the console and the view show it.
 *
 * @param id short, unique while the relay runs; what {@code fb:send-image} and the view pick
 * @param address host:port of the client
 * @param agent the browser's User-Agent, shortened; empty when it sent none
 */
public record RelayClient(int id, String address, String agent, Instant since, long imagesIn, long imagesOut,
        long bytesIn, long bytesOut) {
}
