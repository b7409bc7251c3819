package io.fieldbench.recorder.format;

import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of names that every record repeats: device ids, decoder names, channel and text
 * keys. A bench hears the same few names all day, so each is encoded once rather than for every
 * record it appears in (that was half of what the recorder allocated per sample).
 * <p>
 * Bounded: a slot holds the latest name that hashed to it, so many names only cost misses. Any
 * thread may use it: a slot is a reference to an immutable pair, and a race costs a miss.
 */
final class NameBytes {

    /** Slots, a power of two: far more than the names of the devices a bench hears. */
    static final int SLOTS = 1 << 12;
    /** Longer names are encoded each time: names are short, and the comparison would cost what it saves. */
    static final int MAX_LENGTH = 64;

    /** A name and its bytes; the bytes are never modified. */
    private record Encoded(String name, byte[] bytes) {
    }

    private final Encoded[] slots = new Encoded[SLOTS];

    /** The name's UTF-8 bytes; do not modify them. */
    byte[] of(String name) {
        if (name.length() > MAX_LENGTH) {
            return name.getBytes(StandardCharsets.UTF_8);
        }
        int hash = name.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        Encoded known = slots[slot];
        if (known != null && known.name().equals(name)) {
            return known.bytes();
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        slots[slot] = new Encoded(name, bytes);
        return bytes;
    }
}
