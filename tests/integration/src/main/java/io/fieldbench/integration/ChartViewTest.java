package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Window;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JFrame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.api.workbench.Workbench;

/**
 * The chart views draw the decoded samples that EventAdmin delivers: checked channels appear in
 * the chart's dataset with their values, pause freezes the picture while the store keeps filling,
 * and "New chart" docks another view with a selection of its own. Reads the model through the chart
 * pane's client properties (what is drawn, what is retained), not pixels. Needs a display.
 */
@ExtendWith(NeedsDisplay.class)
class ChartViewTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    static final String FIRST_CHART = "chart-1";
    /** Client properties of the chart pane (ChartPane in the chart bundle). */
    private static final String DRAWN_PROPERTY = "fieldbench.chart.drawn";
    private static final String RETAINED_PROPERTY = "fieldbench.chart.retained";
    private static final String CHANNEL = "temp";
    private static final int BATCH = 200;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    EventAdmin events;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    @Test
    void aCheckedChannelShowsEverySamplePosted() {
        FirstBatch batch = firstBatchDrawn();

        List<double[]> points = drawn(batch.chart(), batch.label());
        for (int i = 0; i < BATCH; i++) {
            assertEquals(batch.start() + i, (long) points.get(i)[0], "time of point " + i);
            assertEquals(value(i), points.get(i)[1], "value of point " + i);
        }
    }

    @Test
    void pauseFreezesThePictureWhileTheStoreKeepsFillingAndResumeCatchesUp() {
        FirstBatch batch = firstBatchDrawn();
        JComponent chart = batch.chart();
        String label = batch.label();
        AbstractButton pause = button(chart, "pause");

        WorkbenchUi.click(pause);
        long retainedBefore = retained(chart);
        post(batch.device(), batch.start(), BATCH, 2 * BATCH);

        Poll.until("the store keeps the samples that arrive while paused",
                () -> retained(chart) >= retainedBefore + BATCH);
        assertEquals(BATCH, drawn(chart, label).size(), "the paused picture changed");
        assertEquals("Resume", WorkbenchUi.onEdt(pause::getText));

        WorkbenchUi.click(pause);
        Poll.until("resume draws what arrived while paused", () -> drawn(chart, label).size() == 2 * BATCH);
        assertEquals(value(2 * BATCH - 1), drawn(chart, label).get(2 * BATCH - 1)[1]);
    }

    @Test
    void newChartDocksASecondViewWithItsOwnSelection() throws IOException {
        String first = uniqueDevice();
        String second = uniqueDevice();
        long start = System.currentTimeMillis() - 5_000;
        post(first, start, 0, BATCH);
        post(second, start, 0, BATCH);
        JComponent one = chart(FIRST_CHART);
        checkOnly(one, first, CHANNEL);

        WorkbenchUi.click(button(one, "new-chart"));
        JComponent two = chart("chart-2");
        checkOnly(two, second, CHANNEL);
        check(two, second, "humidity");

        Poll.until("the second chart draws its two channels", () -> drawn(two, second + " / " + CHANNEL).size() == BATCH
                && drawn(two, second + " / humidity").size() == BATCH);
        assertTrue(!drawn(one).containsKey(second + " / " + CHANNEL), "the first chart took the second's selection");
        assertTrue(drawn(one).containsKey(first + " / " + CHANNEL), "the first chart lost its selection");
        assertTrue(WorkbenchUi.onEdt(() -> button(two, "channels").getText()).startsWith("2 of "),
                "the closed drop-down counts what is checked");
        screenshot(WorkbenchUi.frameShowing("chart-2"));
    }

    @Test
    void aNewChartShowsTheChannelsOfTheDeviceThatSentLastAtOnce() {
        String device = uniqueDevice();
        post(device, System.currentTimeMillis(), 0, BATCH);
        JComponent one = chart(FIRST_CHART);
        Set<String> before = WorkbenchUi.onEdt(() -> chartPanes().stream().map(Component::getName)
                .collect(Collectors.toSet()));

        WorkbenchUi.click(button(one, "new-chart"));

        AtomicReference<JComponent> shown = new AtomicReference<>();
        Poll.until("the new chart shows", () -> {
            WorkbenchUi.onEdt(() -> chartPanes().stream()
                    .filter(pane -> pane.isShowing() && !before.contains(pane.getName())).findFirst())
                    .ifPresent(shown::set);
            return shown.get() != null;
        });
        JComponent created = shown.get();
        Poll.until("the new chart draws " + device + "'s channels without a click in its drop-down",
                () -> drawn(created, device + " / " + CHANNEL).size() == BATCH
                        && drawn(created, device + " / humidity").size() == BATCH);
        assertTrue(WorkbenchUi.onEdt(() -> button(created, "channels").getText()).startsWith("2 of "),
                "the drop-down does not count the channels shown");
    }

    /** Every chart pane in the workbench's windows, showing or not. EDT only. */
    private static List<JComponent> chartPanes() {
        List<JComponent> panes = new ArrayList<>();
        for (Window window : Window.getWindows()) {
            WorkbenchUi.findAll(window, JComponent.class).stream()
                    .filter(c -> c.getClientProperty(DRAWN_PROPERTY) != null).forEach(panes::add);
        }
        return panes;
    }

    @Test
    void replayedBatchesAreMarkedAsReplayUntilLiveDataArrivesAgain() {
        String device = uniqueDevice();
        long start = System.currentTimeMillis() - 5_000;
        JComponent chart = chart(FIRST_CHART);
        post(device, start, 0, BATCH);
        check(chart, device, CHANNEL);
        String label = device + " / " + CHANNEL;
        Poll.until("the chart draws the live batch", () -> drawn(chart, label).size() == BATCH);
        assertFalse(replayShown(chart), "live data is marked as replay");

        post(device, start, BATCH, 2 * BATCH, true);
        Poll.until("the chart marks the replayed batch as REPLAY", () -> replayShown(chart));
        assertEquals(2 * BATCH, drawn(chart, label).size(), "the replayed points are drawn");

        post(device, start, 2 * BATCH, 3 * BATCH);
        Poll.until("live data clears the REPLAY mark", () -> !replayShown(chart));
        assertEquals(3 * BATCH, drawn(chart, label).size(), "the live points after the replay are drawn");
    }

    /** Whether the chart shows its REPLAY badge. */
    private static boolean replayShown(JComponent chart) {
        return WorkbenchUi.onEdt(() -> WorkbenchUi.find(chart, WorkbenchUi.named("replay"))
                .map(badge -> badge.isVisible() && "REPLAY".equals(((javax.swing.JLabel) badge).getText()))
                .orElseThrow(() -> new AssertionError("chart " + chart.getName() + " has no replay badge")));
    }

    private static String uniqueDevice() {
        return "dev-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static double value(int i) {
        return 20 + Math.sin(i / 10.0) * 5;
    }

    /** A batch of a new device's samples, drawn in the first chart under {@code label}. */
    private record FirstBatch(String device, long start, JComponent chart, String label) {
    }

    /** Posts a batch of a new device, checks its channel in the first chart and waits until the chart draws it all. */
    private FirstBatch firstBatchDrawn() {
        String device = uniqueDevice();
        long start = System.currentTimeMillis() - 5_000;
        post(device, start, 0, BATCH);
        JComponent chart = chart(FIRST_CHART);
        check(chart, device, CHANNEL);
        String label = device + " / " + CHANNEL;
        Poll.until("the chart draws the " + BATCH + " samples of " + label, () -> drawn(chart, label).size() == BATCH);
        return new FirstBatch(device, start, chart, label);
    }

    /** Posts samples {@code from} to {@code to} (exclusive) of one device, a millisecond apart, in one batch. */
    private void post(String device, long start, int from, int to) {
        post(device, start, from, to, false);
    }

    /** As {@link #post(String, long, int, int)}; a replay batch carries {@link SampleEvents#REPLAY}. */
    private void post(String device, long start, int from, int to, boolean replay) {
        List<Sample> samples = new ArrayList<>();
        for (int i = from; i < to; i++) {
            samples.add(new Sample(device, new InetSocketAddress("127.0.0.1", 5000), Instant.ofEpochMilli(start + i),
                    "test", OptionalLong.of(i), Map.of(CHANNEL, value(i), "humidity", 40.0 + i % 7), Map.of(), 32));
        }
        events.postEvent(new Event(SampleEvents.DECODED, replay
                ? Map.of(SampleEvents.SAMPLES, samples, SampleEvents.REPLAY, Boolean.TRUE)
                : Map.of(SampleEvents.SAMPLES, samples)));
    }

    private JComponent chart(String viewId) {
        return chart(workbench, viewId);
    }

    /** The chart pane of a view, once the view shows (the pane carries the test hooks). */
    static JComponent chart(Workbench workbench, String viewId) {
        Poll.until("chart view " + viewId + " shows", () -> {
            workbench.showView(viewId);  // brings its tab to the front, as the View menu does
            return WorkbenchUi.isShowing(viewId);
        });
        Component view = WorkbenchUi.showingView(viewId).orElseThrow();
        return (JComponent) WorkbenchUi.onEdt(() -> WorkbenchUi.find(view,
                c -> c instanceof JComponent j && viewId.equals(j.getName()) && j.getClientProperty(DRAWN_PROPERTY) != null))
                .orElseThrow(() -> new AssertionError("view " + viewId + " has no chart pane"));
    }

    /** Opens the channel drop-down and checks the channel's box, as the user would. */
    static void check(JComponent chart, String device, String channel) {
        AbstractButton picker = button(chart, "channels");
        String name = "channel:" + device + " / " + channel;
        Poll.until("the drop-down lists " + name, () -> {
            WorkbenchUi.click(picker);
            return checkbox(name).isPresent();
        });
        AbstractButton box = checkbox(name).orElseThrow();
        if (!WorkbenchUi.onEdt(box::isSelected)) {
            WorkbenchUi.click(box);
        }
        assertTrue(WorkbenchUi.onEdt(box::isSelected), name + " is not checked");
    }

    /** Unchecks every channel in the drop-down (a new chart shows some by itself), then checks this one. */
    static void checkOnly(JComponent chart, String device, String channel) {
        check(chart, device, channel);
        WorkbenchUi.click(checkbox("select-none").orElseThrow(() -> new AssertionError("no None in the drop-down")));
        check(chart, device, channel);
    }

    /** A button of this name showing in some window now (the drop-down is a window of its own). */
    private static Optional<AbstractButton> checkbox(String name) {
        return WorkbenchUi.onEdt(() -> {
            for (Window window : Window.getWindows()) {
                Optional<Component> found = WorkbenchUi.find(window, WorkbenchUi.named(name));
                if (found.isPresent() && found.get().isShowing()) {
                    return found.map(AbstractButton.class::cast);
                }
            }
            return Optional.empty();
        });
    }

    static AbstractButton button(JComponent chart, String name) {
        return (AbstractButton) WorkbenchUi.onEdt(() -> WorkbenchUi.find(chart, WorkbenchUi.named(name)))
                .orElseThrow(() -> new AssertionError("no " + name + " in " + chart.getName()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<double[]>> drawn(JComponent chart) {
        return WorkbenchUi.onEdt(() -> ((Supplier<Map<String, List<double[]>>>) chart.getClientProperty(DRAWN_PROPERTY)).get());
    }

    static List<double[]> drawn(JComponent chart, String label) {
        return drawn(chart).getOrDefault(label, List.of());
    }

    private static long retained(JComponent chart) {
        return WorkbenchUi.onEdt(() -> ((LongSupplier) chart.getClientProperty(RETAINED_PROPERTY)).getAsLong());
    }

    private static void screenshot(JFrame frame) throws IOException {
        WorkbenchUi.saveBesideScreenshot(WorkbenchUi.onEdt(() -> WorkbenchUi.picture(frame)), "charts.png");
    }
}
