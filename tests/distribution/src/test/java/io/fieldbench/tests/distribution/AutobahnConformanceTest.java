package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.fieldbench.tests.distribution.FuzzingClient.CaseResult;

/**
 * The Autobahn WebSocket conformance suite against the image relay's endpoint of the shipped bench
 * in echo mode, where every data message comes back as is: sections 1 to 10 (framing, pings and
 * pongs, reserved bits, opcodes, fragmentation, UTF-8, closing, limits and performance,
 * auto-fragmentation). Sections 12 and 13 test permessage-deflate, which the relay never
 * negotiates. One test per case; a case passes when both its behaviour and its closing behaviour
 * are OK, non-strict (allowed by RFC 6455, not its strictest reading) or informational. The suite's
 * HTML report is {@code target/autobahn/reports/index.html}.
 */
class AutobahnConformanceTest {

    private static final List<String> CASES = List.of("*");
    private static final List<String> COMPRESSION_CASES = List.of("12.*", "13.*");
    /** Every case of sections 1 to 10 in this version of the suite: a run that ended early has fewer. */
    private static final int CASES_IN_SECTIONS_1_TO_10 = 301;
    private static final Set<String> PASSING = Set.of("OK", "NON-STRICT", "INFORMATIONAL");
    private static final Duration SUITE_DEADLINE = Duration.ofMinutes(6);
    private static final int RECEIVED_SHOWN = 600;
    /** The suite's spec, log and report, kept after the run; absolute, as the suite runs in it. */
    private static final Path WORK = Path.of("target", "autobahn").toAbsolutePath();

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private final RelayBench relay = new RelayBench(headless);

    @TestFactory
    Stream<DynamicTest> everyCaseOfSections1To10() throws Exception {
        relay.start(0, "echo=true");
        relay.awaitListening();
        FuzzingClient client = new FuzzingClient(WORK);
        List<CaseResult> results = client.run(relay.webSocketUrl(), CASES, COMPRESSION_CASES, SUITE_DEADLINE);
        assertEquals(CASES_IN_SECTIONS_1_TO_10, results.size(), "cases run; the report: " + client.reports());
        return results.stream()
                .sorted(Comparator.comparing(CaseResult::id, AutobahnConformanceTest::byCaseNumber))
                .map(result -> dynamicTest("case " + result.id(), () -> assertPasses(result)));
    }

    private static void assertPasses(CaseResult result) throws Exception {
        if (!PASSING.contains(result.behavior()) || !PASSING.contains(result.closingBehavior())) {
            throw new AssertionError(result.details(RECEIVED_SHOWN));
        }
    }

    /** 9.10.2 after 9.2.1: case numbers compare part by part. */
    private static int byCaseNumber(String a, String b) {
        return Arrays.compare(Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray(),
                Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }
}
