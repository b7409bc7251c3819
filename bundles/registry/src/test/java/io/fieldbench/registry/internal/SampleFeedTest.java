package io.fieldbench.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.device.Device;
import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;

class SampleFeedTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final InetSocketAddress DEVICE_PORT = new InetSocketAddress("127.0.0.1", 40001);

    private final DeviceTable table = new DeviceTable();
    private final List<String> cameOnline = new ArrayList<>();
    private final SampleFeed feed = new SampleFeed(table, device -> cameOnline.add(device.id()));

    @Test
    void aDecodeErrorInTheSameBatchAsTheDevicesFirstFrameIsTheDevices() {
        // the collector publishes a batch's datagrams first, then its samples
        feed.datagrams(List.of(datagram("id=dev1,seq=1", ""), datagram("garbage", "not key=value")), 0);
        feed.samples(List.of(sample()), 0);

        assertEquals(List.of("dev1"), table.snapshot(0).stream().map(Device::id).toList());
        Device dev1 = table.snapshot("dev1", 0).orElseThrow();
        assertEquals(1, dev1.decodeErrors());
        assertEquals(2, dev1.packets());
        assertEquals(List.of("dev1"), cameOnline);
    }

    @Test
    void aDecodeErrorBeforeAnyFrameOfTheEndpointIsCountedForTheEndpointNotTheNextDevice() {
        Datagram early = new Datagram(DEVICE_PORT, T0.minusMillis(1), "garbage".getBytes(), "not key=value");
        feed.datagrams(List.of(early, datagram("id=dev1,seq=1", "")), 0);
        feed.samples(List.of(sample()), 0);

        assertEquals(1, table.snapshot("127.0.0.1:40001", 0).orElseThrow().decodeErrors());
        assertEquals(1, table.snapshot("dev1", 0).orElseThrow().packets());
    }

    @Test
    void failuresWithoutSamplesAreCountedWhenTheStreamPauses() {
        feed.datagrams(List.of(datagram("garbage", "not key=value")), 0);
        assertEquals(0, table.size(), "waiting for samples that may name the device");

        feed.idle(0);

        assertEquals(1, table.snapshot("127.0.0.1:40001", 0).orElseThrow().decodeErrors());
    }

    @Test
    void decodedDatagramsOfTheTrafficStreamAreNotCounted() {
        feed.datagrams(List.of(datagram("id=dev1,seq=1", "")), 0);
        feed.idle(0);

        assertEquals(0, table.size());
    }

    private static Datagram datagram(String text, String problem) {
        return new Datagram(DEVICE_PORT, T0, text.getBytes(), problem);
    }

    private static Sample sample() {
        return new Sample("dev1", DEVICE_PORT, T0, "text", OptionalLong.of(1), Map.of("temp", 1.0), Map.of(), 13);
    }
}
