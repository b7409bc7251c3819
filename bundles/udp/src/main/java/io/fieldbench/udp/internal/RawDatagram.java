package io.fieldbench.udp.internal;

import java.net.InetSocketAddress;
import java.time.Instant;

/** A datagram as the socket gave it, copied off the Netty buffer, waiting to be decoded. */
record RawDatagram(InetSocketAddress source, Instant receivedAt, byte[] payload) {
}
