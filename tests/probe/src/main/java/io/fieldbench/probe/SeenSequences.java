package io.fieldbench.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which sequence numbers of each device were seen, as ranges, and how often one was seen again:
 * the bookkeeping of {@link SampleLedger}, also read by the tests from a ledger file. A ledger
 * line is {@code device<TAB>first-last,first-last...}, one per device of a delivered batch.
 */
public final class SeenSequences {

    private final Map<String, TreeMap<Long, Long>> devices = new TreeMap<>();
    private long distinct;
    private long repeats;

    /** What a ledger file records (an empty ledger when there is no file yet). */
    public static SeenSequences read(Path ledger) throws IOException {
        SeenSequences seen = new SeenSequences();
        if (Files.exists(ledger)) {
            for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
                seen.addLine(line);
            }
        }
        return seen;
    }

    /** Records the ranges of one ledger line. */
    void addLine(String line) {
        int tab = line.indexOf('\t');
        for (String range : line.substring(tab + 1).split(",")) {
            int dash = range.indexOf('-', 1);
            for (long seq = Long.parseLong(range.substring(0, dash)); seq <= Long.parseLong(range.substring(dash + 1)); seq++) {
                add(line.substring(0, tab), seq);
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

    /** Sequence numbers in each device's first unbroken range, summed: what arrived without a gap from the start. */
    public long complete() {
        return devices.values().stream().mapToLong(ranges -> ranges.firstEntry().getValue() - ranges.firstKey() + 1).sum();
    }

    /** The ranges of every device, {@code device first-last,...} separated by {@code ; }: where the gaps are. */
    public String ranges() {
        StringBuilder text = new StringBuilder();
        devices.forEach((device, ranges) -> {
            text.append(text.isEmpty() ? "" : "; ").append(device).append(' ');
            ranges.forEach((first, last) -> text.append(first).append('-').append(last).append(','));
            text.setLength(text.length() - 1);
        });
        return text.toString();
    }

    /** The device ids seen (as the bench names them). */
    public Set<String> devices() {
        return devices.keySet();
    }
}
