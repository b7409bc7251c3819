package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Window;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.device.RemoteDownlink;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.api.workbench.Workbench;

/**
 * The bridge's side of the window: the Bridge view says it is off until a broker is set, and the
 * Devices view's Send… carries text typed for a device of another bench ({@code site/device}) to
 * the downlink of the bench's RemoteDownlink service, and shows the answer. The downlink here is
 * the test's, standing in for a broker; the real one is tested against Mosquitto in BridgeTest.
 * Needs a display.
 */
@ExtendWith(NeedsDisplay.class)
class DevicesBridgeViewTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    private static final String REMOTE_DEVICE = "field/m-17";

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    EventAdmin events;

    @InjectBundleContext
    BundleContext context;

    private ServiceRegistration<RemoteDownlink> downlink;

    @AfterEach
    void removeTheDownlink() {
        if (downlink != null) {
            downlink.unregister();
        }
    }

    @Test
    void theBridgeViewSaysItIsOffUntilABrokerIsSet() {
        Component view = showing("bridge");
        Poll.until("the Bridge view says it is off", () -> WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(view, JTextArea.class)
                .stream().anyMatch(text -> text.getText().startsWith("off: no broker set"))));
    }

    @Test
    void sendInTheDevicesViewCarriesTheTextToTheRemoteDeviceAndShowsTheAnswer() {
        CompletableFuture<String> sent = new CompletableFuture<>();
        Dictionary<String, Object> ranking = new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 100));
        downlink = context.registerService(RemoteDownlink.class, new RemoteDownlink() {
            @Override
            public boolean reaches(String deviceId) {
                return REMOTE_DEVICE.equals(deviceId);
            }

            @Override
            public CompletionStage<String> send(String deviceId, byte[] payload) {
                sent.complete(deviceId + " " + new String(payload, StandardCharsets.UTF_8));
                return CompletableFuture.completedFuture("sent " + payload.length + " bytes to " + deviceId);
            }
        }, ranking);
        Sample sample = new Sample(REMOTE_DEVICE, InetSocketAddress.createUnresolved("203.0.113.9", 40112), Instant.now(), "text",
                OptionalLong.empty(), Map.of("temp", 21.5), Map.of(), 24);
        events.postEvent(new Event(SampleEvents.DECODED, Map.of(SampleEvents.SAMPLES, List.of(sample), SampleEvents.SITE, "field")));

        Component view = showing("devices");
        JTable table = WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(view, JTable.class).get(0));
        Poll.until("the Devices view lists " + REMOTE_DEVICE, () -> row(table).isPresent());
        Poll.until("the device counts shown whole, not squeezed beside the buttons", () -> WorkbenchUi.onEdt(() -> {
            Component counts = WorkbenchUi.find(view, WorkbenchUi.named("devices-status")).orElseThrow();
            return ((JLabel) counts).getText().matches("\\d+ devices? · \\d+ online.*") && counts.getWidth() >= counts.getPreferredSize().width;
        }));
        WorkbenchUi.onEdt(() -> {
            int row = row(table).orElseThrow();
            table.setRowSelectionInterval(row, row);
            return null;
        });
        AbstractButton send = (AbstractButton) WorkbenchUi.find(view, WorkbenchUi.named("devices-send")).orElseThrow();
        Poll.until("Send… is on for the remote device", () -> WorkbenchUi.onEdt(send::isEnabled));

        SwingUtilities.invokeLater(send::doClick); // the dialog is modal: the test answers it from outside
        JDialog ask = dialog("Send to device");
        WorkbenchUi.onEdt(() -> {
            WorkbenchUi.findAll(ask, JTextField.class).get(0).setText("RESET");
            return null;
        });
        SwingUtilities.invokeLater(() -> button(ask, "OK").doClick());

        assertEquals(REMOTE_DEVICE + " RESET", sent.join());
        JDialog answer = dialog("Send to device");
        assertTrue(WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(answer, JLabel.class).stream()
                .anyMatch(label -> ("sent 5 bytes to " + REMOTE_DEVICE).equals(label.getText()))), "the answer shown");
        SwingUtilities.invokeLater(() -> button(answer, "OK").doClick());
    }

    private Component showing(String viewId) {
        Poll.until("view " + viewId + " shows", () -> {
            workbench.showView(viewId);
            return WorkbenchUi.isShowing(viewId);
        });
        return WorkbenchUi.showingView(viewId).orElseThrow();
    }

    private static Optional<Integer> row(JTable table) {
        return WorkbenchUi.onEdt(() -> {
            for (int row = 0; row < table.getRowCount(); row++) {
                if (REMOTE_DEVICE.equals(table.getValueAt(row, 0))) {
                    return Optional.of(row);
                }
            }
            return Optional.empty();
        });
    }

    /** The showing dialog with this title, once it opens. */
    private static JDialog dialog(String title) {
        Poll.until("a dialog '" + title + "'", () -> WorkbenchUi.onEdt(() -> showingDialog(title).isPresent()));
        return WorkbenchUi.onEdt(() -> showingDialog(title).orElseThrow());
    }

    private static Optional<JDialog> showingDialog(String title) {
        for (Window window : Window.getWindows()) {
            if (window instanceof JDialog dialog && dialog.isShowing() && title.equals(dialog.getTitle())) {
                return Optional.of(dialog);
            }
        }
        return Optional.empty();
    }

    private static AbstractButton button(JDialog dialog, String text) {
        return WorkbenchUi.findAll(dialog, AbstractButton.class).stream().filter(button -> text.equals(button.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + text + " in " + dialog.getTitle()));
    }
}
