package io.fieldbench.udp.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fieldbench.api.decoder.Decoder;

/**
 * The decoder services present now, in service ranking order (highest first, then oldest): the
 * order automatic decoding tries them in. Services come and go on any thread; the decode thread
 * reads an immutable snapshot without locking.
 */
final class DecoderShelf {

    /** A decoder with what it was registered with; its name is read once, as a decoder may throw anywhere. */
    record ShelvedDecoder(String name, Decoder decoder, int ranking, long serviceId) {
    }

    private static final Comparator<ShelvedDecoder> RANKING_ORDER = Comparator
            .comparingInt(ShelvedDecoder::ranking).reversed().thenComparingLong(ShelvedDecoder::serviceId);

    private final Map<Long, ShelvedDecoder> byServiceId = new HashMap<>();
    private volatile List<ShelvedDecoder> ranked = List.of();

    /** Adds a decoder, or updates it when its ranking changed. */
    synchronized void put(Decoder decoder, int ranking, long serviceId) {
        byServiceId.put(serviceId, new ShelvedDecoder(nameOf(decoder), decoder, ranking, serviceId));
        publish();
    }

    synchronized void remove(long serviceId) {
        byServiceId.remove(serviceId);
        publish();
    }

    /** Every decoder, highest ranking first. */
    List<ShelvedDecoder> ranked() {
        return ranked;
    }

    /** Their names, highest ranking first. */
    List<String> names() {
        return ranked.stream().map(ShelvedDecoder::name).toList();
    }

    private void publish() {
        List<ShelvedDecoder> sorted = new ArrayList<>(byServiceId.values());
        sorted.sort(RANKING_ORDER);
        ranked = List.copyOf(sorted);
    }

    private static String nameOf(Decoder decoder) {
        try {
            String name = decoder.name();
            if (name != null && !name.isBlank()) {
                return name.trim();
            }
        } catch (RuntimeException e) {
            // a broken decoder is still listed, by its class
        }
        return decoder.getClass().getName();
    }
}
