package io.fieldbench.registry.internal;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.fieldbench.api.device.Device;
import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.api.sample.Sample;

/**
 * What the registry knows about one device, kept up to date by the registry's thread and copied
 * into an immutable {@link Device} for anyone who asks. Every method holds the record's lock,
 * which is uncontended but for the moments a snapshot or the silence check reads it.
 * <p>
 * Endpoints and channel names are bounded, so that a device that sends 10 000 different keys or
 * hops ports behind NAT all day costs a fixed amount of memory: the latest
 * {@value #MAX_ENDPOINTS} endpoints and the first {@value #MAX_CHANNELS} channel names are kept.
 */
final class DeviceRecord {

    static final int MAX_ENDPOINTS = 16;
    static final int MAX_CHANNELS = 256;

    private final String id;
    private final LinkedHashSet<String> endpoints = new LinkedHashSet<>();
    private final Set<String> channels = new HashSet<>();
    private final SequenceTracker sequence = new SequenceTracker();
    private final RateMeter rate = new RateMeter();
    /** Immutable copies for snapshots, renewed only when a name is added (rarely after the first frames). */
    private Set<String> endpointsShown = Set.of();
    private Set<String> channelsShown = Set.of();
    /** Where the last datagram came from: its text is written only when a datagram comes from elsewhere. */
    private InetSocketAddress latestSource;
    private Instant firstSeen;
    private Instant lastSeen;
    private long lastHeardNanos;
    private long packets;
    private long bytes;
    private long decodeErrors;
    private boolean online;
    private String lastMessage = "";

    DeviceRecord(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /**
     * Counts a decoded datagram.
     *
     * @return whether the device came online with it (its first datagram, or the first after a silence)
     */
    synchronized boolean addSample(Sample sample, long nowNanos) {
        boolean cameOnline = heard(sample.source(), sample.receivedAt(), sample.bytes(), nowNanos);
        sample.sequence().ifPresent(sequence::accept);
        addChannels(sample.channels());
        if (Sample.MESSAGE.equals(sample.decoder())) {
            lastMessage = sample.texts().getOrDefault(Sample.MESSAGE, "");
        }
        return cameOnline;
    }

    /**
     * Counts a datagram that could not be decoded; it was still received from the device.
     *
     * @return whether the device came online with it
     */
    synchronized boolean addDecodeError(Instant receivedAt, int size, InetSocketAddress source, long nowNanos) {
        decodeErrors++;
        return heard(source, receivedAt, size, nowNanos);
    }

    private boolean heard(InetSocketAddress source, Instant receivedAt, int size, long nowNanos) {
        packets++;
        bytes += size;
        if (firstSeen == null) {
            firstSeen = receivedAt;
        }
        lastSeen = receivedAt;
        lastHeardNanos = nowNanos;
        rate.record(nowNanos);
        if (!source.equals(latestSource)) {
            latestSource = source;
            addEndpoint(Endpoints.of(source));
        }
        boolean cameOnline = !online;
        online = true;
        return cameOnline;
    }

    private void addEndpoint(String endpoint) {
        endpoints.remove(endpoint); // re-added last: the set keeps the most recent
        endpoints.add(endpoint);
        if (endpoints.size() > MAX_ENDPOINTS) {
            endpoints.remove(endpoints.iterator().next());
        }
        endpointsShown = Set.copyOf(endpoints);
    }

    private void addChannels(Map<String, Double> values) {
        if (channels.size() >= MAX_CHANNELS) {
            return;
        }
        boolean added = false;
        for (String name : values.keySet()) { // nearly every name is known: looked up, not written again
            if (!channels.contains(name) && channels.size() < MAX_CHANNELS && channels.add(name)) {
                added = true;
            }
        }
        if (added) {
            channelsShown = Set.copyOf(channels);
        }
    }

    /**
     * Marks the device offline when it was silent for this long.
     *
     * @return whether it went offline now
     */
    synchronized boolean goOfflineIfSilent(long nowNanos, long silenceNanos) {
        if (online && nowNanos - lastHeardNanos >= silenceNanos) {
            online = false;
            return true;
        }
        return false;
    }

    /**
     * Marks the device offline at once: it is being forgotten.
     *
     * @return whether it was online
     */
    synchronized boolean goOffline() {
        boolean was = online;
        online = false;
        return was;
    }

    synchronized Device snapshot(long nowNanos) {
        return new Device(id, endpointsShown, firstSeen, lastSeen, packets, bytes, rate.perSecond(nowNanos), decodeErrors,
                sequence.gaps(), sequence.lost(), channelsShown, online, lastMessage);
    }

    /** Times the device started counting its sequence again. */
    synchronized long restarts() {
        return sequence.restarts();
    }
}
