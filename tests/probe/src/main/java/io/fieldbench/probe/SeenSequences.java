package io.fieldbench.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which sequence numbers of each device were seen, as ranges, and how often one was seen again:
 * the bookkeeping of {@link SampleLedger}, also read by the tests from a ledger file or from the
 * ranges it prints. A ledger line is {@code device first-last,first-last...}, one per device of a
 * delivered batch.
 */
public final class SeenSequences {

    private static final String ENTRIES = "; ";

    private final Map<String, TreeMap<Long, Long>> devices = new TreeMap<>();
    private long distinct;
    private long repeats;

    /** What a ledger file records (an empty ledger when there is no file yet). */
    public static SeenSequences read(Path ledger) throws IOException {
        SeenSequences seen = new SeenSequences();
        if (Files.exists(ledger)) {
            Files.readAllLines(ledger, StandardCharsets.UTF_8).forEach(seen::addEntry);
        }
        return seen;
    }

    /** The ranges {@link #ranges()} gave. */
    public static SeenSequences parse(String ranges) {
        SeenSequences seen = new SeenSequences();
        if (!ranges.isEmpty()) {
            Arrays.stream(ranges.split(ENTRIES)).forEach(seen::addEntry);
        }
        return seen;
    }

    /** Records a device's ranges, {@code device first-last,first-last...}. */
    void addEntry(String entry) {
        int space = entry.lastIndexOf(' ');
        String device = entry.substring(0, space);
        for (String range : entry.substring(space + 1).split(",")) {
            int dash = range.indexOf('-');
            for (long seq = Long.parseLong(range.substring(0, dash)); seq <= Long.parseLong(range.substring(dash + 1)); seq++) {
                add(device, seq);
            }
        }
    }

    /** Records one sequence number of a device; says whether it is new. */
    public boolean add(String device, long seq) {
        TreeMap<Long, Long> ranges = devices.computeIfAbsent(device, name -> new TreeMap<>());
        Map.Entry<Long, Long> below = ranges.floorEntry(seq);
        if (below != null && below.getValue() >= seq) {
            repeats++;
            return false;
        }
        long first = below != null && below.getValue() == seq - 1 ? below.getKey() : seq;
        Long last = ranges.remove(seq + 1);
        ranges.put(first, last == null ? seq : last);
        distinct++;
        return true;
    }

    /** Sequence numbers seen at least once, over all devices. */
    public long distinct() {
        return distinct;
    }

    /** Times a sequence number was seen again. */
    public long repeats() {
        return repeats;
    }

    /** Whether every number the other saw of a device, this saw too. */
    public boolean covers(SeenSequences other) {
        return other.devices.entrySet().stream().allMatch(device -> device.getValue().entrySet().stream().allMatch(range -> {
            Map.Entry<Long, Long> mine = devices.getOrDefault(device.getKey(), new TreeMap<>()).floorEntry(range.getKey());
            return mine != null && mine.getValue() >= range.getValue();
        }));
    }

    /** The ranges of every device, {@code device first-last,...} separated by {@code ; }: where the gaps are. */
    public String ranges() {
        StringBuilder text = new StringBuilder();
        devices.forEach((device, ranges) -> {
            text.append(text.isEmpty() ? "" : ENTRIES).append(device).append(' ');
            ranges.forEach((first, last) -> text.append(first).append('-').append(last).append(','));
            text.setLength(text.length() - 1);
        });
        return text.toString();
    }
}
