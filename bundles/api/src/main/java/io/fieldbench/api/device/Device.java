package io.fieldbench.api.device;

import java.time.Instant;
import java.util.Set;

/**
 * One device as the registry knows it at one moment.
 *
 * @param id           the decoder's device id, or the source address when frames name none
 * @param endpoints    every source address ({@code host:port}) it sent from (SIM modems change port behind NAT)
 * @param firstSeen    its first datagram
 * @param lastSeen     its latest datagram
 * @param packets      datagrams received
 * @param bytes        bytes received
 * @param rate         datagrams per second, recent average
 * @param decodeErrors datagrams from it that could not be decoded
 * @param gaps         breaks in its sequence numbers (0 when frames carry none)
 * @param lost         frames missing in those breaks, estimated from the sequence numbers
 * @param channels     names of the channels it sent
 * @param online       whether it sent within the configured silence
 * @param lastMessage  the last plain text it sent (a {@code message} sample), or empty
 */
public record Device(String id, Set<String> endpoints, Instant firstSeen, Instant lastSeen, long packets, long bytes,
        double rate, long decodeErrors, long gaps, long lost, Set<String> channels, boolean online, String lastMessage) {

    public Device {
        endpoints = Set.copyOf(endpoints);
        channels = Set.copyOf(channels);
    }

    /** A device that sent no plain text. */
    public Device(String id, Set<String> endpoints, Instant firstSeen, Instant lastSeen, long packets, long bytes,
            double rate, long decodeErrors, long gaps, long lost, Set<String> channels, boolean online) {
        this(id, endpoints, firstSeen, lastSeen, packets, bytes, rate, decodeErrors, gaps, lost, channels, online, "");
    }
}
