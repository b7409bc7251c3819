package io.fieldbench.sim;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * A datagram that came back to a {@link DatagramSender}'s socket, such as an echo or an ack.
 *
 * @param source     who sent it
 * @param receivedAt when it arrived
 * @param payload    its bytes
 */
public record Reply(InetSocketAddress source, Instant receivedAt, byte[] payload) {
}
