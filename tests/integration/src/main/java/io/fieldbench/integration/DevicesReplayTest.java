package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import javax.swing.JLabel;
import javax.swing.JTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.api.workbench.Workbench;

/**
 * A recording played back is shown apart in the Devices view: its devices get no row (they are not
 * talking now), and the counts line says a replay runs and how much of it there was. The replay's
 * batches are posted as the recorder's replay posts them. Needs a display.
 */
@ExtendWith(NeedsDisplay.class)
class DevicesReplayTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    EventAdmin events;

    @Test
    void replayedDevicesGetNoRowAndTheCountsSayAReplayRuns() {
        String prefix = "replayed-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            samples.add(new Sample(prefix + (i % 3), new InetSocketAddress("127.0.0.1", 40_000 + i % 3), Instant.now(), "text",
                    OptionalLong.empty(), Map.of("temp", 20.0 + i), Map.of(), 24));
        }
        Component view = WorkbenchUi.show(workbench, "devices");
        events.postEvent(new Event(SampleEvents.DECODED, Map.of(SampleEvents.SAMPLES, samples, SampleEvents.REPLAY, Boolean.TRUE)));

        JLabel counts = (JLabel) WorkbenchUi.onEdt(() -> WorkbenchUi.find(view, WorkbenchUi.named("devices-status")).orElseThrow());
        // "last replay" once its batches have stopped for a while: a slow machine may see that first
        Poll.until("the counts say a replay ran apart", () -> WorkbenchUi.onEdt(counts::getText)
                .matches(".* · (replay running|last replay): 6 samples of 3 devices, not counted here .*"));
        JTable table = WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(view, JTable.class).get(0));
        assertEquals(0, WorkbenchUi.onEdt(() -> rowsStartingWith(table, prefix)), "replayed devices listed as live ones");
    }

    private static int rowsStartingWith(JTable table, String prefix) {
        int rows = 0;
        for (int row = 0; row < table.getRowCount(); row++) {
            if (String.valueOf(table.getValueAt(row, 0)).startsWith(prefix)) {
                rows++;
            }
        }
        return rows;
    }
}
