package io.fieldbench.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.device.Device;
import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;

class DeviceTableTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long SILENCE = 30 * SECOND;
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final DeviceTable table = new DeviceTable();
    private final List<String> cameOnline = new ArrayList<>();
    private final List<Device> wentOffline = new ArrayList<>();

    @Test
    void countsPacketsBytesChannelsAndEndpointsPerDevice() {
        add(sample("dev1", 40001, 1, Map.of("temp", 20.0)), 0);
        add(sample("dev1", 40001, 2, Map.of("temp", 20.5, "hum", 40.0)), SECOND);
        add(sample("dev2", 40002, 1, Map.of("temp", 21.0)), SECOND);
        add(sample("dev1", 40009, 3, Map.of("temp", 21.0)), 2 * SECOND); // a NAT port change

        Device dev1 = table.snapshot("dev1", 2 * SECOND).orElseThrow();
        assertEquals(3, dev1.packets());
        assertEquals(3 * 40, dev1.bytes());
        assertEquals(java.util.Set.of("temp", "hum"), dev1.channels());
        assertEquals(java.util.Set.of("127.0.0.1:40001", "127.0.0.1:40009"), dev1.endpoints());
        assertEquals(T0, dev1.firstSeen());
        assertEquals(T0.plusSeconds(2), dev1.lastSeen());
        assertTrue(dev1.online());
        assertEquals(List.of("dev1", "dev2"), table.snapshot(2 * SECOND).stream().map(Device::id).toList());
        assertEquals(List.of("dev1", "dev2"), cameOnline);
    }

    @Test
    void countsLossFromTheSequence() {
        for (long sequence : new long[] {1, 2, 5, 6, 9}) {
            add(sample("dev1", 40001, sequence, Map.of()), 0);
        }

        Device dev1 = table.snapshot("dev1", 0).orElseThrow();
        assertEquals(2, dev1.gaps());
        assertEquals(4, dev1.lost());
    }

    @Test
    void framesWithoutSequenceHaveNoLoss() {
        add(new Sample("dev1", source(40001), T0, "text", OptionalLong.empty(), Map.of("temp", 1.0), Map.of(), 40), 0);
        add(new Sample("dev1", source(40001), T0, "text", OptionalLong.empty(), Map.of("temp", 1.0), Map.of(), 40), 0);

        assertEquals(0, table.snapshot("dev1", 0).orElseThrow().lost());
    }

    @Test
    void aDecodeErrorCountsForTheDeviceLastSeenAtItsEndpoint() {
        add(sample("dev1", 40001, 1, Map.of("temp", 20.0)), 0);

        table.addFailed(failed(40001), SECOND, device -> cameOnline.add(device.id()));

        Device dev1 = table.snapshot("dev1", SECOND).orElseThrow();
        assertEquals(1, dev1.decodeErrors());
        assertEquals(2, dev1.packets());
        assertEquals(1, table.size());
    }

    @Test
    void aDecodeErrorFromAnUnknownEndpointMakesADeviceNamedAfterIt() {
        table.addFailed(failed(40005), 0, device -> cameOnline.add(device.id()));

        Device unknown = table.snapshot("127.0.0.1:40005", 0).orElseThrow();
        assertEquals(1, unknown.decodeErrors());
        assertEquals(List.of("127.0.0.1:40005"), cameOnline);
    }

    @Test
    void decodedDatagramsInTheTrafficStreamAreNotCountedTwice() {
        add(sample("dev1", 40001, 1, Map.of()), 0);

        table.addFailed(new Datagram(source(40001), T0, new byte[40], ""), 0, device -> cameOnline.add(device.id()));

        assertEquals(1, table.snapshot("dev1", 0).orElseThrow().packets());
    }

    @Test
    void goesOfflineAfterTheSilenceAndOnlineWithItsNextDatagram() {
        add(sample("dev1", 40001, 1, Map.of()), 0);
        add(sample("dev2", 40002, 1, Map.of()), 20 * SECOND);

        assertEquals(List.of(), table.sweep(SILENCE - 1, SILENCE));
        List<Device> gone = table.sweep(SILENCE, SILENCE);

        assertEquals(List.of("dev1"), gone.stream().map(Device::id).toList());
        assertFalse(gone.get(0).online());
        assertTrue(table.snapshot("dev2", SILENCE).orElseThrow().online());
        assertEquals(List.of(), table.sweep(SILENCE + SECOND, SILENCE), "offline once, not at every check");

        cameOnline.clear();
        add(sample("dev1", 40001, 2, Map.of()), 40 * SECOND);
        assertEquals(List.of("dev1"), cameOnline);
        assertTrue(table.snapshot("dev1", 40 * SECOND).orElseThrow().online());
    }

    @Test
    void forgetsEveryDevice() {
        add(sample("dev1", 40001, 1, Map.of()), 0);
        add(sample("dev2", 40002, 1, Map.of()), 0);

        List<Device> forgotten = table.forget(device -> true, SECOND, wentOffline::add);

        assertEquals(List.of("dev1", "dev2"), forgotten.stream().map(Device::id).toList());
        assertTrue(forgotten.get(0).online(), "reported as they were");
        assertEquals(0, table.size());
        assertEquals(List.of(), table.snapshot(SECOND));
    }

    @Test
    void forgetsTheOfflineDevicesOnly() {
        add(sample("dev1", 40001, 1, Map.of()), 0);
        add(sample("dev2", 40002, 1, Map.of()), 20 * SECOND);
        table.sweep(SILENCE, SILENCE); // dev1 silent for 30 s

        List<Device> forgotten = table.forget(device -> !device.online(), SILENCE, wentOffline::add);

        assertEquals(List.of("dev1"), forgotten.stream().map(Device::id).toList());
        assertEquals(List.of("dev2"), table.snapshot(SILENCE).stream().map(Device::id).toList());
        assertEquals(List.of(), wentOffline, "dev1 had already gone offline");
    }

    @Test
    void forgetsOneDeviceById() {
        add(sample("dev1", 40001, 1, Map.of()), 0);
        add(sample("dev2", 40002, 1, Map.of()), 0);

        List<Device> forgotten = table.forget(device -> device.id().equals("dev2"), 0, wentOffline::add);

        assertEquals(List.of("dev2"), forgotten.stream().map(Device::id).toList());
        assertEquals(List.of("dev1"), table.snapshot(0).stream().map(Device::id).toList());
        assertEquals(List.of("dev2"), wentOffline.stream().map(Device::id).toList(), "it was online: it goes offline");
        assertFalse(wentOffline.get(0).online());
    }

    @Test
    void aForgottenDeviceThatSendsAgainIsNew() {
        add(sample("dev1", 40001, 1, Map.of("temp", 20.0)), 0);
        add(sample("dev1", 40001, 2, Map.of("temp", 20.5)), SECOND);
        table.forget(device -> true, 2 * SECOND, wentOffline::add);
        cameOnline.clear();

        add(sample("dev1", 40003, 60, Map.of("hum", 40.0)), 60 * SECOND);

        Device dev1 = table.snapshot("dev1", 60 * SECOND).orElseThrow();
        assertEquals(T0.plusSeconds(59), dev1.firstSeen(), "first seen now, not at its first life");
        assertEquals(1, dev1.packets());
        assertEquals(40, dev1.bytes());
        assertEquals(java.util.Set.of("hum"), dev1.channels());
        assertEquals(java.util.Set.of("127.0.0.1:40003"), dev1.endpoints());
        assertTrue(dev1.online());
        assertEquals(List.of("dev1"), cameOnline, "online again, so listeners hear of it");
    }

    @Test
    void aForgottenDevicesSequenceStartsAfresh() {
        for (long sequence : new long[] {1, 2, 5, 6, 9, 10}) {
            add(sample("dev1", 40001, sequence, Map.of()), 0);
        }
        table.forget(device -> true, 0, wentOffline::add);

        for (long sequence : new long[] {3, 4, 5}) { // behind where it was: neither late frames nor a restart
            add(sample("dev1", 40001, sequence, Map.of()), SECOND);
        }

        Device dev1 = table.snapshot("dev1", SECOND).orElseThrow();
        assertEquals(0, dev1.gaps());
        assertEquals(0, dev1.lost());
        assertEquals(3, dev1.packets());
    }

    @Test
    void aForgottenDevicesEndpointNoLongerClaimsDecodeErrors() {
        add(sample("dev1", 40001, 1, Map.of()), 0);
        table.forget(device -> true, 0, wentOffline::add);

        table.addFailed(failed(40001), SECOND, device -> cameOnline.add(device.id()));

        assertEquals(List.of("127.0.0.1:40001"), table.snapshot(SECOND).stream().map(Device::id).toList());
    }

    @Test
    void keepsABoundedNumberOfChannelNames() {
        Map<String, Double> many = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            many.put("k" + i, (double) i);
        }

        add(sample("dev1", 40001, 1, many), 0);

        assertEquals(DeviceRecord.MAX_CHANNELS, table.snapshot("dev1", 0).orElseThrow().channels().size());
    }

    @Test
    void keepsTheLatestEndpoints() {
        for (int port = 1; port <= DeviceRecord.MAX_ENDPOINTS + 5; port++) {
            add(sample("dev1", 40_000 + port, port, Map.of()), 0);
        }

        Device dev1 = table.snapshot("dev1", 0).orElseThrow();
        assertEquals(DeviceRecord.MAX_ENDPOINTS, dev1.endpoints().size());
        assertTrue(dev1.endpoints().contains("127.0.0.1:" + (40_000 + DeviceRecord.MAX_ENDPOINTS + 5)));
        assertFalse(dev1.endpoints().contains("127.0.0.1:40001"));
    }

    @Test
    void writesIpv6EndpointsInBrackets() {
        add(new Sample("dev6", new InetSocketAddress("::1", 40001), T0, "text", OptionalLong.empty(), Map.of(), Map.of(), 10), 0);

        assertEquals(java.util.Set.of("[0:0:0:0:0:0:0:1]:40001"), table.snapshot("dev6", 0).orElseThrow().endpoints());
    }

    private void add(Sample sample, long now) {
        table.add(sample, now, device -> cameOnline.add(device.id()));
    }

    private static Sample sample(String id, int port, long sequence, Map<String, Double> channels) {
        return new Sample(id, source(port), T0.plusSeconds(sequence - 1), "text", OptionalLong.of(sequence), channels, Map.of(), 40);
    }

    private static Datagram failed(int port) {
        return new Datagram(source(port), T0, new byte[7], "not key=value");
    }

    private static InetSocketAddress source(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }
}
