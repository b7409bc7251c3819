package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Sample;

class EndpointDevicesTest {

    private static final InetSocketAddress MODEM = new InetSocketAddress("10.0.0.7", 40_001);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("10.0.0.8", 40_002);

    private static Sample from(InetSocketAddress source, String device, String decoder) {
        return new Sample(device, source, Instant.EPOCH, decoder, OptionalLong.empty(), Map.of(), Map.of(), 10);
    }

    @Test
    void anEndpointBelongsToTheDeviceItLastSentAFrameFor() {
        EndpointDevices devices = new EndpointDevices();

        devices.heard(from(MODEM, "modem-7", "text"));
        devices.heard(from(MODEM, "someone", Sample.KEEPALIVE));

        assertEquals("modem-7", devices.deviceAt(new InetSocketAddress("10.0.0.7", 40_001)));
        assertEquals("10.0.0.8:40002", devices.deviceAt(STRANGER), "an endpoint never heard is its own device");
    }
}
