package io.fieldbench.decoder.text;

/**
 * One string per key of {@code key=value} lines. A device sends the same few keys in every
 * datagram, so a line's key is looked up here rather than cut out anew: every map after the
 * decoder (the frame's, the registry's, the recorder's) then meets the same instances, with their
 * hash already computed and equal at the first comparison.
 * <p>
 * Bounded: a slot holds the latest key that hashed to it, so many keys only cost misses. Any
 * thread may use it: a slot is a reference to an immutable string, and a race costs a miss.
 */
final class KeyNames {

    /** Slots, a power of two: far more than the keys of the devices a bench hears. */
    static final int SLOTS = 1 << 10;
    /** Longer keys are cut out each time: names are short, and the comparison would cost what it saves. */
    static final int MAX_LENGTH = 64;

    private final String[] slots = new String[SLOTS];

    /** The key {@code line[start, end)}. */
    String of(String line, int start, int end) {
        int length = end - start;
        if (length > MAX_LENGTH) {
            return line.substring(start, end);
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + line.charAt(i);
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String known = slots[slot];
        if (known != null && known.length() == length && line.regionMatches(start, known, 0, length)) {
            return known;
        }
        String key = line.substring(start, end);
        slots[slot] = key;
        return key;
    }
}
