package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Window;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import javax.swing.AbstractButton;
import javax.swing.JComponent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.api.workbench.Workbench;

/**
 * A channel whose range is far from the others' goes on the chart's second (right-hand) value
 * axis: the "right axis" box beside it in the drop-down moves its series from the left-axis
 * dataset to the right-axis one, and the choice is saved with the chart's selection in
 * {@code charts.properties}. Asserts on the chart's datasets (client properties of the chart pane)
 * and the saved file, not pixels. Needs a display.
 */
@ExtendWith(NeedsDisplay.class)
class ChartAxisTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    /** Client property of the chart pane (ChartPane in the chart bundle): the right-axis dataset. */
    private static final String RIGHT_DRAWN_PROPERTY = "fieldbench.chart.drawn.right";
    private static final String CHARTS_FILE = "charts.properties";
    private static final String TEMP = "temp";
    private static final String PRESSURE = "pressure";
    private static final int BATCH = 100;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    EventAdmin events;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    @Test
    void aChannelPutOnTheRightAxisIsDrawnFromTheRightAxisDatasetAndTheChoiceIsSaved() {
        String device = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        post(device, System.currentTimeMillis() - 5_000);
        JComponent chart = ChartViewTest.chart(workbench, ChartViewTest.FIRST_CHART);
        ChartViewTest.check(chart, device, TEMP);
        ChartViewTest.check(chart, device, PRESSURE);
        String temp = device + " / " + TEMP;
        String pressure = device + " / " + PRESSURE;
        Poll.until("the chart draws both channels on the left axis",
                () -> ChartViewTest.drawn(chart, temp).size() == BATCH && ChartViewTest.drawn(chart, pressure).size() == BATCH);
        assertFalse(rightDrawn(chart).containsKey(pressure), "pressure is on the right axis before it was put there");

        AbstractButton axis = shownBox("axis:" + pressure);
        WorkbenchUi.click(axis);

        Poll.until("pressure moves to the right-axis dataset", () -> rightDrawn(chart).getOrDefault(pressure, List.of()).size() == BATCH);
        Map<String, List<double[]>> right = rightDrawn(chart);
        assertFalse(right.containsKey(temp), "temp went to the right axis with pressure");
        assertEquals(pressurePa(BATCH - 1), right.get(pressure).get(BATCH - 1)[1], "the last pressure value");
        assertEquals(BATCH, ChartViewTest.drawn(chart, temp).size(), "temp left the chart");
        Path file = Path.of(FrameworkUtil.getBundle(ChartAxisTest.class).getBundleContext().getProperty("fieldbench.data"),
                CHARTS_FILE);
        Poll.until("the right-axis choice is saved in " + file,
                () -> saved(file).getProperty(ChartViewTest.FIRST_CHART + ".right", "").contains(device + "\t" + PRESSURE));

        // the drop-down may have been filled again meanwhile: the box showing now
        AbstractButton again = shownBox("axis:" + pressure);
        assertTrue(WorkbenchUi.onEdt(again::isSelected), "the drop-down does not show pressure on the right axis");
        WorkbenchUi.click(again);

        Poll.until("pressure goes back to the left axis", () -> !rightDrawn(chart).containsKey(pressure));
        assertFalse(WorkbenchUi.onEdt(again::isSelected), "the right-axis box stays ticked");
        Poll.until("pressure is drawn on the left again", () -> ChartViewTest.drawn(chart, pressure).size() == BATCH);
    }

    /** A pressure in pascals: four orders of magnitude above the temperature. */
    private static double pressurePa(int i) {
        return 101_325 + i * 10.0;
    }

    private void post(String device, long start) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            samples.add(new Sample(device, new InetSocketAddress("127.0.0.1", 5000), Instant.ofEpochMilli(start + i),
                    "test", OptionalLong.of(i), Map.of(TEMP, 20.0 + i % 5, PRESSURE, pressurePa(i)), Map.of(), 32));
        }
        events.postEvent(new Event(SampleEvents.DECODED, Map.of(SampleEvents.SAMPLES, samples)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<double[]>> rightDrawn(JComponent chart) {
        return WorkbenchUi.onEdt(() -> ((Supplier<Map<String, List<double[]>>>) chart.getClientProperty(RIGHT_DRAWN_PROPERTY)).get());
    }

    /** A box in the open drop-down (ChartViewTest.check leaves it open). */
    private static AbstractButton shownBox(String name) {
        return WorkbenchUi.onEdt(() -> {
            for (Window window : Window.getWindows()) {
                Optional<Component> found = WorkbenchUi.find(window, WorkbenchUi.named(name));
                if (found.isPresent() && found.get().isShowing()) {
                    return found.map(AbstractButton.class::cast);
                }
            }
            return Optional.<AbstractButton>empty();
        }).orElseThrow(() -> new AssertionError("the drop-down shows no " + name));
    }

    private static Properties saved(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }
}
