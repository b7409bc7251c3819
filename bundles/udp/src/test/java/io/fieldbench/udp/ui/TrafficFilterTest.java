package io.fieldbench.udp.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TrafficFilterTest {

    private static final PayloadFormat TEXT = new PayloadFormat(false, StandardCharsets.UTF_8);
    private static final TrafficEntry ENTRY = new TrafficEntry(0, "10.0.0.7:40001", 11,
            "id=M7,t=21.5".getBytes(StandardCharsets.UTF_8), "text: no value after 'x='");

    @Test
    void matchesSourceAndTextIgnoringCase() {
        assertTrue(TrafficFilter.ALL.test(ENTRY, TEXT));
        assertTrue(new TrafficFilter("10.0.0.7", "m7").test(ENTRY, TEXT));
        assertTrue(new TrafficFilter("", "NO VALUE").test(ENTRY, TEXT), "the problem counts as text");
        assertFalse(new TrafficFilter("10.0.0.8", "").test(ENTRY, TEXT));
        assertFalse(new TrafficFilter("", "t=22").test(ENTRY, TEXT));
    }

    @Test
    void matchesHexAsShown() {
        assertTrue(new TrafficFilter("", "69 64").test(ENTRY, new PayloadFormat(true, StandardCharsets.UTF_8)));
    }
}
