package io.fieldbench.view.support;

import java.awt.FlowLayout;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingWorker;

import io.fieldbench.api.sample.Endpoints;

/**
 * "Listen on [address] : [port] [Apply]", as a server's view shows it (the network debugging
 * assistants and the tutorials' windows have it): Apply, or Enter in a field, saves
 * {@code bind.address} and {@code port} to the server's settings file, off the EDT; the server
 * moves there. The fields follow the settings in force. EDT only.
 */
public final class ListenOn extends JPanel {

    private static final int ADDRESS_COLUMNS = 12;
    private static final int PORT_COLUMNS = 5;
    private static final int GAP = 4;

    private final JTextField address = new JTextField(ADDRESS_COLUMNS);
    private final JTextField port = new JTextField(PORT_COLUMNS);
    private final JButton apply = new JButton("Apply");
    private final Writer writer;
    private final String file;
    private final BiConsumer<String, Boolean> note;
    private String shownAddress;
    private int shownPort = -1;

    /** Writes settings to the server's file; called off the EDT. */
    @FunctionalInterface
    public interface Writer {
        void write(Map<String, String> values) throws Exception;
    }

    /**
     * @param what   what listens, for the tooltips: "The UDP port devices send to"
     * @param file   the settings file, for the tooltip and the notes: {@code <data>/etc/io.fieldbench.udp.cfg}
     * @param writer saves {@code bind.address} and {@code port}
     * @param note   told, on the EDT, what happened (text, whether it is an error)
     */
    public ListenOn(String what, String file, Writer writer, BiConsumer<String, Boolean> note) {
        super(new FlowLayout(FlowLayout.LEADING, GAP, 0));
        this.writer = writer;
        this.file = file;
        this.note = note;
        address.setName("listen-address");
        port.setName("listen-port");
        apply.setName("listen-apply");
        address.setToolTipText("0.0.0.0: every IPv4 interface; ::: IPv6 and IPv4; 127.0.0.1: this machine only");
        port.setToolTipText(what + "; 0 lets the system choose one");
        apply.setToolTipText("Save address and port to " + file + "; a running server moves there");
        apply.addActionListener(e -> apply());
        address.addActionListener(e -> apply());
        port.addActionListener(e -> apply());
        add(new JLabel("Listen on"));
        add(address);
        add(new JLabel(":"));
        add(port);
        add(apply);
    }

    /** Shows the address and port in force, when they changed since last shown. */
    public void show(String bindAddress, int listenPort) {
        if (!Objects.equals(bindAddress, shownAddress) || listenPort != shownPort) {
            shownAddress = bindAddress;
            shownPort = listenPort;
            address.setText(bindAddress);
            port.setText(Integer.toString(listenPort));
        }
    }

    private void apply() {
        String host = address.getText().trim();
        int number;
        try {
            number = Integer.parseInt(port.getText().trim());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (host.isEmpty() || number < 0 || number > Endpoints.MAX_PORT) {
            note.accept("Give an address (such as 0.0.0.0) and a port from 0 to " + Endpoints.MAX_PORT, true);
            return;
        }
        Map<String, String> values = Map.of("bind.address", host, "port", Integer.toString(number));
        note.accept("Saving to " + file + " …", false);
        apply.setEnabled(false);
        new SwingWorker<Void, Void>() {
            @Override
            protected Void doInBackground() throws Exception {
                writer.write(values);
                return null;
            }

            @Override
            protected void done() {
                apply.setEnabled(true);
                try {
                    get();
                    note.accept("Saved to " + file + "; the server moves there within a second or two", false);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    note.accept("Could not save the setting: " + e.getCause().getMessage(), true);
                }
            }
        }.execute();
    }
}
