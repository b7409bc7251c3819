package io.fieldbench.udp.ui;

import java.awt.BorderLayout;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javax.swing.JPanel;

import io.fieldbench.udp.internal.UdpCollector;
import io.fieldbench.view.support.BoundedIntake;

/** The Collector view: its controls and counters above the traffic log. */
final class CollectorPanel extends JPanel {

    private final CollectorControls controls;
    private final TrafficLog traffic;

    CollectorPanel(UdpCollector collector, BoundedIntake<TrafficEntry> intake,
            Function<Map<String, String>, CompletableFuture<Void>> saveSettings) {
        super(new BorderLayout());
        traffic = new TrafficLog(intake);
        controls = new CollectorControls(collector, saveSettings, traffic::showEncoding);
        add(controls, BorderLayout.NORTH);
        add(traffic, BorderLayout.CENTER);
    }

    /** Stops the timers; the view is going away. EDT. */
    void stop() {
        controls.stop();
        traffic.stop();
    }
}
