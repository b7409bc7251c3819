package io.fieldbench.api.sample;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One decoded datagram.
 *
 * @param deviceId   the decoder's device id, or the source's {@link #endpoint()} when the frame names none
 * @param source     where the datagram came from
 * @param receivedAt when the collector received it (wall clock)
 * @param decoder    the name of the decoder that read it
 * @param sequence   the frame's sequence number, if it has one
 * @param channels   numeric channel values by name
 * @param texts      text fields by name
 * @param bytes      the datagram's size
 */
public record Sample(String deviceId, InetSocketAddress source, Instant receivedAt, String decoder, OptionalLong sequence,
        Map<String, Double> channels, Map<String, String> texts, int bytes) {

    /**
     * The {@link #decoder()} of a keep-alive ({@code heartbeat}, {@code ping}): it keeps its device
     * online and carries nothing else.
     */
    public static final String KEEPALIVE = "keepalive";

    /**
     * The {@link #decoder()}, and the text field, of plain text that no decoder took ({@code Michael}):
     * a message from its device, not a decode error.
     */
    public static final String MESSAGE = "message";

    public Sample {
        channels = Map.copyOf(channels);
        texts = Map.copyOf(texts);
    }

    /** The source as the bench names it: {@code a.b.c.d:port} or {@code [v6]:port}, see {@link Endpoints}. */
    public String endpoint() {
        return Endpoints.of(source);
    }
}
