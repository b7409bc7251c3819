package io.fieldbench.api.sample;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One datagram as received, for the traffic log.
 *
 * @param source     where it came from
 * @param receivedAt when the collector received it (wall clock)
 * @param payload    its bytes; do not modify
 * @param problem    why it could not be decoded, or empty when it was decoded (or no decoder was asked)
 */
public record Datagram(InetSocketAddress source, Instant receivedAt, byte[] payload, String problem) {

    /** Whether decoding failed. */
    public boolean failed() {
        return !problem.isEmpty();
    }

    /** The source as the bench names it: {@code a.b.c.d:port} or {@code [v6]:port}, see {@link Endpoints}. */
    public String endpoint() {
        return Endpoints.of(source);
    }
}
