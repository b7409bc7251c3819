package io.fieldbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class SimulationPlanTest {

    @Test
    void readsTheCommandLine() {
        SimulationPlan plan = SimulationPlan.parse(List.of("--devices", "500", "--rate", "20000", "--format", "json",
                "--target", "127.0.0.1:9998", "--seconds", "2.5", "--count", "1000", "--size", "100"));

        assertEquals(new SimulationPlan(500, 20_000, FrameFormat.JSON, new Target("127.0.0.1", 9998),
                Optional.of(Duration.ofMillis(2_500)), OptionalLong.of(1_000), 100), plan);
    }

    @Test
    void withoutLimitsRunsForTheDefaultTimeToLoopback() {
        SimulationPlan plan = SimulationPlan.parse(List.of());

        assertEquals(Optional.of(SimulationPlan.DEFAULT_DURATION), plan.duration());
        assertEquals("127.0.0.1", plan.target().host());
    }

    @Test
    void aCountAloneHasNoTimeLimit() {
        assertEquals(Optional.empty(), SimulationPlan.parse(List.of("--count", "5")).duration());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertMessage("unknown option '--colour'", "--colour");
        assertMessage("--devices needs a value", "--devices");
        assertMessage("--devices must be 1..", "--devices", "0");
        assertMessage("--rate needs a whole number, not 'fast'", "--rate", "fast");
        assertMessage("unknown format 'xml'", "--format", "xml");
        assertMessage("is not host:port", "--target", "localhost:x");
        assertMessage("--seconds must be more than 0", "--seconds", "-1");
        assertMessage("--count must be at least 1", "--count", "0");
        assertMessage("--size must be 0..65507", "--size", "70000");
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulationPlan.parse(List.of(args)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
