package io.fieldbench.registry.ui;

import java.awt.Component;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.event.AncestorEvent;
import javax.swing.event.AncestorListener;

import io.fieldbench.api.device.RemoteDownlink;

/**
 * "Send…" in the Devices view: a datagram (text or hex) to the one selected device of another
 * bench, carried by the bridge; the remote bench's answer is shown when it comes, never waited
 * for on the EDT.
 */
final class SendToDevice {

    private static final int INPUT_COLUMNS = 30;

    private final Component owner;
    private final Supplier<List<String>> selected;
    private final Supplier<Optional<RemoteDownlink>> downlink;
    private final JButton button = new JButton("Send…");
    private final JTextField input = new JTextField(INPUT_COLUMNS);
    private final JCheckBox hex = new JCheckBox("Hex bytes (48 65 6C 6C 6F)");

    SendToDevice(Component owner, Supplier<List<String>> selected, Supplier<Optional<RemoteDownlink>> downlink) {
        this.owner = owner;
        this.selected = selected;
        this.downlink = downlink;
        button.setName("devices-send");
        button.setToolTipText("Send a datagram to the selected device of another bench (site/device), from that bench's"
                + " UDP socket; needs the bridge");
        button.addActionListener(e -> ask());
        // the text field, not the dialog's OK button, has the focus when the dialog opens
        input.addAncestorListener(new AncestorListener() {
            @Override
            public void ancestorAdded(AncestorEvent event) {
                input.requestFocusInWindow();
            }

            @Override
            public void ancestorRemoved(AncestorEvent event) {
                // nothing to do
            }

            @Override
            public void ancestorMoved(AncestorEvent event) {
                // nothing to do
            }
        });
        selectionChanged();
    }

    JButton button() {
        return button;
    }

    /** On the EDT: the button is on for one selected device that the bridge reaches. */
    void selectionChanged() {
        List<String> ids = selected.get();
        button.setEnabled(ids.size() == 1 && downlink.get().map(bridge -> bridge.reaches(ids.get(0))).orElse(false));
    }

    private void ask() {
        List<String> ids = selected.get();
        Optional<RemoteDownlink> bridge = downlink.get();
        if (ids.size() != 1 || bridge.isEmpty()) {
            return;
        }
        String device = ids.get(0);
        JPanel form = new JPanel();
        form.setLayout(new BoxLayout(form, BoxLayout.Y_AXIS));
        form.add(new JLabel("Send to " + device + ":"));
        form.add(input);
        form.add(hex);
        int answer = JOptionPane.showConfirmDialog(owner, form, "Send to device", JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE);
        if (answer != JOptionPane.OK_OPTION) {
            return;
        }
        if (input.getText().isEmpty()) {
            show("Not sent: type the text, or the hex bytes, to send", true);
            return;
        }
        byte[] payload;
        try {
            payload = hex.isSelected()
                    ? HexFormat.of().parseHex(input.getText().replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT))
                    : input.getText().getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            show("Not sent: '" + input.getText() + "' is not hex bytes (use pairs such as 48 65 6C 6C 6F)", true);
            return;
        }
        bridge.get().send(device, payload).whenComplete((result, failure) -> SwingUtilities.invokeLater(() -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            show(cause == null ? result : "Not sent: " + cause.getMessage(), cause != null);
        }));
    }

    private void show(String text, boolean error) {
        JOptionPane.showMessageDialog(owner, text, "Send to device",
                error ? JOptionPane.ERROR_MESSAGE : JOptionPane.INFORMATION_MESSAGE);
    }
}
