package io.fieldbench.registry.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.fieldbench.api.device.Device;
import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.api.sample.Sample;

/**
 * Every known device by id, and which device each source endpoint belongs to.
 * <p>
 * One thread adds and forgets (the registry's own); any thread may take snapshots or run the
 * silence check.
 * Times are a monotonic clock in nanoseconds passed in by the caller, so that rates and silences
 * do not depend on the collector's wall clock (a replay sends old times) and tests can set the time.
 * <p>
 * A datagram that could not be decoded carries no device id. It is counted for the device that
 * last sent a decoded frame from the same endpoint, or else for a device named after the endpoint
 * ({@code host:port}), the way the collector names a device whose frames carry no id. Endpoints
 * are kept by address, not by their text: every sample is counted, and writing its address out
 * each time was a noticeable part of the registry's time.
 */
final class DeviceTable {

    /** Devices tracked at most; datagrams from further devices are counted as untracked. */
    static final int MAX_DEVICES = 100_000;
    /** Endpoints remembered for attributing decode errors; the least recently used are forgotten. */
    static final int MAX_ENDPOINTS = 4 * MAX_DEVICES;

    private final Map<String, DeviceRecord> devices = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, String> deviceByEndpoint = new LinkedHashMap<>(1 << 10, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, String> eldest) {
            return size() > MAX_ENDPOINTS;
        }
    };
    private final AtomicLong untracked = new AtomicLong();

    /**
     * Counts a decoded sample for its device.
     *
     * @param cameOnline told about the device when this sample brought it online
     */
    void add(Sample sample, long nowNanos, Consumer<DeviceRecord> cameOnline) {
        DeviceRecord device = record(sample.deviceId());
        if (device == null) {
            return;
        }
        if (!sample.deviceId().equals(deviceByEndpoint.get(sample.source()))) {
            deviceByEndpoint.put(sample.source(), sample.deviceId());
        }
        if (device.addSample(sample, nowNanos)) {
            cameOnline.accept(device);
        }
    }

    /** Counts a datagram whose decoding failed; datagrams that were decoded are left to {@link #add}. */
    void addFailed(Datagram datagram, long nowNanos, Consumer<DeviceRecord> cameOnline) {
        if (!datagram.failed()) {
            return;
        }
        String id = deviceByEndpoint.get(datagram.source());
        DeviceRecord device = record(id != null ? id : Endpoints.of(datagram.source()));
        if (device != null && device.addDecodeError(datagram.receivedAt(), datagram.payload().length, datagram.source(),
                nowNanos)) {
            cameOnline.accept(device);
        }
    }

    private DeviceRecord record(String id) {
        DeviceRecord device = devices.get(id);
        if (device == null) {
            if (devices.size() >= MAX_DEVICES) {
                untracked.incrementAndGet();
                return null;
            }
            device = new DeviceRecord(id);
            devices.put(id, device);
        }
        return device;
    }

    /** Every device, by id. */
    List<Device> snapshot(long nowNanos) {
        List<Device> all = new ArrayList<>(devices.size());
        for (DeviceRecord device : devices.values()) {
            all.add(device.snapshot(nowNanos));
        }
        all.sort(Comparator.comparing(Device::id));
        return all;
    }

    Optional<Device> snapshot(String id, long nowNanos) {
        return Optional.ofNullable(devices.get(id)).map(device -> device.snapshot(nowNanos));
    }

    /**
     * Marks devices offline that were silent for this long.
     *
     * @return the devices that went offline now, as they are now
     */
    List<Device> sweep(long nowNanos, long silenceNanos) {
        List<Device> gone = new ArrayList<>();
        for (DeviceRecord device : devices.values()) {
            if (device.goOfflineIfSilent(nowNanos, silenceNanos)) {
                gone.add(device.snapshot(nowNanos));
            }
        }
        return gone;
    }

    /**
     * Forgets the devices that match, and the endpoints they sent from: whatever one of them sends
     * next makes a new device, first seen then, its sequence counted afresh. Call on the thread that adds.
     *
     * @param which       tested with each device as it is now
     * @param wentOffline told about each forgotten device that was online, as it is now: offline
     * @return the forgotten devices as they were, by id
     */
    List<Device> forget(Predicate<Device> which, long nowNanos, Consumer<Device> wentOffline) {
        List<Device> forgotten = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Iterator<DeviceRecord> all = devices.values().iterator(); all.hasNext();) {
            DeviceRecord device = all.next();
            Device before = device.snapshot(nowNanos);
            if (which.test(before)) {
                all.remove();
                ids.add(device.id());
                forgotten.add(before);
                // the silence check may have taken it offline meanwhile: then it already said so
                if (device.goOffline()) {
                    wentOffline.accept(device.snapshot(nowNanos));
                }
            }
        }
        if (!ids.isEmpty()) {
            deviceByEndpoint.values().removeIf(ids::contains);
        }
        forgotten.sort(Comparator.comparing(Device::id));
        return forgotten;
    }

    int size() {
        return devices.size();
    }

    /** Datagrams from devices beyond {@link #MAX_DEVICES}, not counted for any device. */
    long untracked() {
        return untracked.get();
    }
}
