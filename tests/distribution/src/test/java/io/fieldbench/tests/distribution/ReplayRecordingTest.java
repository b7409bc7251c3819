package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A recording played back through the shipped bench: every recorded sample is posted again as a
 * decoded batch (the probe counts them), is not recorded a second time and leaves the live device
 * statistics alone.
 */
class ReplayRecordingTest {

    private static final int SAMPLES = 500;

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    @Test
    void aReplayPostsEveryRecordedSampleOnceAndIsNotRecordedAgain() throws Exception {
        RecordSamplesTest.Running running = RecordSamplesTest.start(headless);
        BenchProcess bench = running.bench();
        Files.copy(Distribution.probeJar(), headless.home().resolve("deploy/probe.jar"));
        bench.askUntil("probe:samples", line -> line.startsWith("samples="), "the probe deployed");
        bench.send("fb:enable registry");
        bench.askUntil("fb:devices --count", line -> line.startsWith("0 devices"), "the registry running");

        RecordSamplesTest.send(running.port(), "devP", 0, SAMPLES);
        RecordSamplesTest.totals(bench, samples -> samples == SAMPLES, "the samples recorded");
        bench.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, " + SAMPLES + " packets"),
                "the live samples counted");
        bench.askUntil("probe:reset", "reset"::equals, "the probe's count reset");

        bench.send("rec:replay --speed max " + LocalDate.now());
        bench.askUntil("probe:samples", line -> line.startsWith("samples=" + SAMPLES + " devices=1"),
                "the " + SAMPLES + " samples replayed to the probe");
        long[] totals = RecordSamplesTest.totals(bench, samples -> samples == SAMPLES, "the recording unchanged");
        assertEquals(1, totals[0]);
        bench.send("rec:status");
        bench.awaitLine(line -> line.equals("replayed, not recorded: " + SAMPLES), "the replayed samples skipped by the recorder");
        bench.awaitLine(line -> line.startsWith("replay: finished ") && line.contains(SAMPLES + " samples, 100%"), "the replay finished");
        RecordSamplesTest.send(running.port(), "devP", SAMPLES, 1);
        bench.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, " + (SAMPLES + 1) + " packets"),
                "one more live datagram counted after the replay, and none of the replayed");
    }

    @Test
    void anUnknownRecordingIsSaidSo() throws Exception {
        BenchProcess bench = RecordSamplesTest.start(headless).bench();
        bench.askUntil("rec:replay 1999-01-01", line -> line.startsWith("error: no sample recording '1999-01-01'"), "the error");
    }
}
