package io.fieldbench.bridge.ui;

import java.awt.BorderLayout;
import java.awt.Font;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.bridge.internal.Bridge;

/**
 * The Bridge view: what {@code bridge:status} says, refreshed every second (the status is a
 * snapshot the bridge keeps, so reading it never waits). The settings are in the Settings view.
 */
@Component(property = WorkbenchView.DOCK_POSITION + "=south")
public final class BridgeView implements WorkbenchView {

    private static final int REFRESH_MILLIS = 1_000;

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private Bridge bridge;

    private volatile Timer refresh;

    @Override
    public String id() {
        return "bridge";
    }

    @Override
    public String title() {
        return "Bridge";
    }

    @Override
    public JComponent createComponent() {
        JTextArea text = new JTextArea();
        text.setEditable(false);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, text.getFont().getSize()));
        JPanel panel = new JPanel(new BorderLayout());
        JLabel hint = new JLabel("Broker, site and subscriptions: Settings › MQTT bridge. Downlink: Devices › Send…");
        hint.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        panel.add(hint, BorderLayout.NORTH);
        panel.add(new JScrollPane(text), BorderLayout.CENTER);
        Runnable show = () -> {
            String now = String.join("\n", bridge.status().lines());
            if (!now.equals(text.getText())) {
                text.setText(now);
            }
        };
        show.run();
        Timer started = new Timer(REFRESH_MILLIS, e -> show.run());
        started.start();
        refresh = started;
        return panel;
    }

    @Deactivate
    void deactivate() {
        Timer started = refresh;
        if (started != null) {
            SwingUtilities.invokeLater(started::stop);
        }
    }
}
