package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code fb:export} of a time range on the shipped bench holds exactly the samples received in it. */
class ExportRangeTest {

    private static final int EACH = 100;

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    @Test
    void aRangeHoldsExactlyTheSamplesReceivedInIt() throws Exception {
        RecordSamplesTest.Running running = RecordSamplesTest.start(headless);
        BenchProcess bench = running.bench();
        // three groups, each recorded before the next is sent; the ends are taken between them
        RecordSamplesTest.send(running.port(), "devX", 0, EACH);
        RecordSamplesTest.totals(bench, samples -> samples == EACH, "the first group");
        Instant from = Instant.now();
        RecordSamplesTest.send(running.port(), "devX", EACH, EACH);
        RecordSamplesTest.totals(bench, samples -> samples == 2 * EACH, "the second group");
        Instant to = Instant.now();
        RecordSamplesTest.send(running.port(), "devX", 2 * EACH, EACH);
        RecordSamplesTest.totals(bench, samples -> samples == 3 * EACH, "the third group");

        Path wide = headless.data().resolve("range.csv");
        List<String[]> rows = RecordSamplesTest.export(bench, wide, "--from " + from + " --to " + to);
        assertEquals("time,epoch_ms,device,hum,temp", Files.readAllLines(wide).get(0));
        assertEquals(EACH, rows.size());
        for (int row = 0; row < EACH; row++) {
            int i = EACH + row;
            String[] cells = rows.get(row);
            Instant at = Instant.parse(cells[0]);
            assertTrue(!at.isBefore(from) && at.isBefore(to), cells[0]);
            assertEquals(at.toEpochMilli(), Long.parseLong(cells[1]));
            assertEquals(RecordSamplesTest.hum(i), Double.parseDouble(cells[3]), "hum of " + i);
            assertEquals(RecordSamplesTest.temp(i), Double.parseDouble(cells[4]), "temp of " + i);
        }

        assertEquals(2 * EACH * 2, RecordSamplesTest.export(bench, headless.data().resolve("long.csv"),
                "--from " + from + " --format long").size(), "from the second group on, two values a row");
        bench.send("fb:export --from yesterday " + headless.data().resolve("bad.csv"));
        bench.awaitLine(line -> line.startsWith("error: 'yesterday' is no time"), "the bad time named");
    }
}
