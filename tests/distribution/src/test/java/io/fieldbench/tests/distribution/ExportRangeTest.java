package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code fb:export} of a time range on the shipped bench holds exactly the samples received in it,
 * with readable times: ISO 8601 in the bench's local time with the offset, to the millisecond.
 */
class ExportRangeTest {

    private static final int EACH = 100;
    private static final Pattern LOCAL_MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})");

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
        // a relative name: in the data folder, not where the bench was started from
        List<String[]> rows = RecordSamplesTest.export(bench, Path.of("range.csv"), wide, "--from " + from + " --to " + to);
        assertEquals("time,epoch_ms,device,hum,temp", Files.readAllLines(wide).get(0));
        assertEquals(EACH, rows.size());
        for (int row = 0; row < EACH; row++) {
            int i = EACH + row;
            String[] cells = rows.get(row);
            assertTrue(LOCAL_MILLIS.matcher(cells[0]).matches(), "ISO 8601 to the millisecond with an offset: " + cells[0]);
            OffsetDateTime local = OffsetDateTime.parse(cells[0]);
            Instant at = local.toInstant();
            // the bench runs in this machine's zone, as the test does
            assertEquals(ZoneId.systemDefault().getRules().getOffset(at), local.getOffset(), "the bench's local offset");
            // the time is shown to the millisecond, and from may fall within the first sample's millisecond
            assertTrue(!at.isBefore(from.truncatedTo(ChronoUnit.MILLIS)) && at.isBefore(to), cells[0]);
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
