package io.fieldbench.sim.ui;

import java.awt.Component;
import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.Timer;

import io.fieldbench.sim.FrameFormat;
import io.fieldbench.sim.SimulationPlan;
import io.fieldbench.sim.Target;
import io.fieldbench.sim.internal.SimulatorControl;
import io.fieldbench.sim.internal.SimulatorStatus;

/**
 * Starts and stops the bench's device simulator and shows how many datagrams it sent. The run
 * is the same one {@code sim:start} and {@code sim:stop} control.
 */
final class SimulatorPanel extends JPanel {

    private static final int REFRESH_MILLIS = 250;
    private static final int DEFAULT_DEVICES = 100;
    private static final int DEFAULT_RATE = 1_000;
    private static final int DEFAULT_SECONDS = 60;
    private static final int MAX_SECONDS = 7 * 24 * 3_600;
    private static final int RATE_STEP = 100;
    private static final int FIELD_COLUMNS = 16;
    private static final int GAP = 4;

    private final SimulatorControl simulator;
    private final JSpinner devices = new JSpinner(new SpinnerNumberModel(DEFAULT_DEVICES, 1, SimulationPlan.MAX_DEVICES, 1));
    private final JSpinner rate = new JSpinner(new SpinnerNumberModel(DEFAULT_RATE, 0, (int) SimulationPlan.MAX_RATE, RATE_STEP));
    private final JComboBox<FrameFormat> format = new JComboBox<>(FrameFormat.values());
    private final JTextField target = new JTextField(SendPanel.DEFAULT_TARGET, FIELD_COLUMNS);
    private final JSpinner seconds = new JSpinner(new SpinnerNumberModel(DEFAULT_SECONDS, 1, MAX_SECONDS, 1));
    private final JButton start = new JButton("Start");
    private final JButton stop = new JButton("Stop");
    private final JLabel status = new JLabel(" ");
    private final Timer refresh = new Timer(REFRESH_MILLIS, e -> refresh());
    private String formProblem = "";

    SimulatorPanel(SimulatorControl simulator) {
        super(new BorderLayout());
        this.simulator = simulator;
        rate.setToolTipText("Datagrams per second from all devices together; 0 sends as fast as possible");
        devices.setToolTipText("Virtual devices, each sending from its own source port");
        format.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                    boolean focused) {
                return super.getListCellRendererComponent(list, value instanceof FrameFormat f ? f.label() : value,
                        index, selected, focused);
            }
        });
        start.addActionListener(e -> start());
        stop.addActionListener(e -> simulator.stop());

        JPanel buttons = new JPanel(new GridLayout(1, 0, GAP, 0));
        buttons.add(start);
        buttons.add(stop);
        add(new Form().row("Devices", devices).row("Rate /s", rate).row("Format", format).row("Seconds", seconds)
                .row("Target", target).span(buttons).span(status), BorderLayout.CENTER);
        refresh();
        refresh.start();
    }

    private void start() {
        try {
            SimulationPlan plan = new SimulationPlan(((Number) devices.getValue()).intValue(),
                    ((Number) rate.getValue()).longValue(), (FrameFormat) format.getSelectedItem(),
                    Target.parse(target.getText()), Optional.of(Duration.ofSeconds(((Number) seconds.getValue()).longValue())),
                    OptionalLong.empty(), 0);
            simulator.start(plan);
            formProblem = "";
        } catch (IllegalArgumentException | IllegalStateException e) {
            formProblem = e.getMessage();
        }
        refresh();
    }

    private void refresh() {
        SimulatorStatus now = simulator.status();
        start.setEnabled(!now.running());
        stop.setEnabled(now.running());
        String text;
        if (!formProblem.isEmpty()) {
            text = formProblem;
        } else if (now.plan().isEmpty()) {
            text = "not running";
        } else if (now.running()) {
            text = String.format("sent %,d in %.0f s (%,.0f/s)", now.sent(), now.seconds(), now.rate());
        } else if (!now.problem().isEmpty()) {
            text = "failed: " + now.problem();
        } else {
            text = String.format("done: sent %,d in %.1f s (%,.0f/s)", now.sent(), now.seconds(), now.rate());
        }
        if (now.failed() > 0) {
            text += String.format(", %,d failed", now.failed());
        }
        if (!text.equals(status.getText())) {
            status.setText(text);
            status.setToolTipText(now.plan().map(SimulationPlan::describe).orElse(null));
        }
    }

    void dispose() {
        refresh.stop();
    }
}
