package io.fieldbench.tests.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A count of samples in a bench, asked again and again while a stream flows. Each answer keeps when
 * it was asked and when it came, so that a claim made from it errs on the safe side: the count was
 * taken at some moment in between.
 */
final class CountTimeline {

    private static final Pattern RECEIVED = Pattern.compile("received:\\s+(\\d+) datagrams");
    private static final Pattern DROPPED = Pattern.compile("dropped:\\s+(\\d+) in the queue, .*; (\\d+) decode errors");

    /** Reads the count from the bench's console. */
    @FunctionalInterface
    interface Counter {
        long count(BenchProcess bench) throws InterruptedException;
    }

    private record Count(long asked, long answered, long samples) {
    }

    private final Counter counter;
    private final List<Count> counts = new ArrayList<>();

    private CountTimeline(Counter counter) {
        this.counter = counter;
    }

    /**
     * Samples the collector took from its socket ({@code udp:status}): datagrams received, less those
     * dropped in its queue or not decodable; what the kernel dropped was never received.
     */
    static CountTimeline received() {
        return new CountTimeline(bench -> {
            Matcher received = matched(RECEIVED, bench.ask("udp:status", line -> line.startsWith("received:"), "the received count"));
            Matcher dropped = matched(DROPPED, bench.awaitLine(line -> line.startsWith("dropped:"), "the drop counts"));
            return Long.parseLong(received.group(1)) - Long.parseLong(dropped.group(1)) - Long.parseLong(dropped.group(2));
        });
    }

    /** Samples delivered to the consumers of decoded samples, the recorder among them: the probe's count. */
    static CountTimeline delivered() {
        return new CountTimeline(bench -> BenchmarkFigures.samples(bench).count());
    }

    private static Matcher matched(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        if (!matcher.find()) {
            throw new AssertionError("udp:status answered in an unknown form: " + line);
        }
        return matcher;
    }

    /** Asks the bench once. */
    void poll(BenchProcess bench) throws InterruptedException {
        long asked = System.nanoTime();
        long samples = counter.count(bench);
        counts.add(new Count(asked, System.nanoTime(), samples));
    }

    /** Samples surely counted before the moment (System.nanoTime): the last count answered before it, 0 if none. */
    long before(long nanos) {
        return counts.stream().filter(count -> count.answered() < nanos).mapToLong(Count::samples).max().orElse(0);
    }

    /**
     * The moment up to which every sample counted is among the first {@code samples}: when the last
     * count not above them was asked; {@code otherwise} when even the first count is above them.
     */
    long coveredUntil(long samples, long otherwise) {
        return counts.stream().filter(count -> count.samples() <= samples).mapToLong(Count::asked).max().orElse(otherwise);
    }

    /** The last count, 0 before the first. */
    long last() {
        return counts.isEmpty() ? 0 : counts.get(counts.size() - 1).samples();
    }
}
