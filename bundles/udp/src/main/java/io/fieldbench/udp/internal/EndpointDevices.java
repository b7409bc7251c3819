package io.fieldbench.udp.internal;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.api.sample.Sample;

/**
 * Which device last sent a decoded frame from each endpoint: a keep-alive or a plain message from
 * the same endpoint belongs to that device (a tutorial client sends its readings and its
 * {@code heartbeat} from one socket), or else to a device named after the endpoint. The decode
 * thread alone uses it; the least recently heard endpoints are forgotten. Keyed by address, not by
 * its text: every decoded datagram is heard, and writing its address out each time was a noticeable
 * part of the decode thread's time.
 */
final class EndpointDevices {

    static final int MAX_ENDPOINTS = 100_000;

    private final Map<InetSocketAddress, String> deviceByEndpoint = new LinkedHashMap<>(1 << 10, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, String> eldest) {
            return size() > MAX_ENDPOINTS;
        }
    };

    void heard(Sample sample) {
        if (!Sample.KEEPALIVE.equals(sample.decoder()) && !Sample.MESSAGE.equals(sample.decoder())) {
            deviceByEndpoint.put(sample.source(), sample.deviceId());
        }
    }

    /** The device last heard at the endpoint, or the endpoint as the bench writes it. */
    String deviceAt(InetSocketAddress endpoint) {
        String device = deviceByEndpoint.get(endpoint);
        return device != null ? device : Endpoints.of(endpoint);
    }
}
