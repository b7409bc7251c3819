package io.fieldbench.recorder.ui;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;

import io.fieldbench.recorder.export.ExportRequest;
import io.fieldbench.recorder.export.TimeRange;
import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.RecordingSummary;

/**
 * Asks what to export: devices (from the chosen recordings), channels, the time range (prefilled
 * with the recordings' span; ISO 8601 or relative like -10m), the format and the file.
 */
final class ExportDialog {

    private static final int VISIBLE_DEVICES = 8;
    private static final int FIELD_COLUMNS = 26;

    private final Window owner;
    private final List<RecordingSummary> recordings;

    ExportDialog(Window owner, List<RecordingSummary> recordings) {
        this.owner = owner;
        this.recordings = recordings.stream().filter(summary -> summary.file().kind() == Kind.SAMPLES).toList();
    }

    /** Shows the dialog; the request, or null when the user cancelled. */
    ExportRequest ask() {
        TreeSet<String> devices = new TreeSet<>();
        recordings.forEach(summary -> devices.addAll(summary.devices()));
        JList<String> deviceList = new JList<>(devices.toArray(String[]::new));
        deviceList.setVisibleRowCount(VISIBLE_DEVICES);
        JTextField channels = new JTextField(FIELD_COLUMNS);
        channels.setToolTipText("Channel names, comma separated; empty: every channel");
        Optional<Instant> first = recordings.stream().map(RecordingSummary::first).flatMap(Optional::stream).min(Instant::compareTo);
        Optional<Instant> last = recordings.stream().map(RecordingSummary::last).flatMap(Optional::stream).max(Instant::compareTo);
        JTextField from = new JTextField(first.map(Instant::toString).orElse(""), FIELD_COLUMNS);
        JTextField to = new JTextField(last.map(at -> at.plusNanos(1).toString()).orElse(""), FIELD_COLUMNS);
        from.setToolTipText("ISO 8601 (2026-11-22T10:00:00Z) or relative (-10m, -2h); empty: from the first sample");
        to.setToolTipText("Not included. ISO 8601, relative, or now; empty: to the last sample");
        JComboBox<String> format = new JComboBox<>(new String[] {"wide: one column per channel", "long: one row per value"});
        JTextField file = new JTextField(Path.of(System.getProperty("user.home"), "fieldbench-export.csv").toString(), FIELD_COLUMNS);
        JPanel form = new JPanel(new GridBagLayout());
        int row = 0;
        row = add(form, row, "Devices (none selected: all)", new JScrollPane(deviceList));
        row = add(form, row, "Channels", channels);
        row = add(form, row, "From", from);
        row = add(form, row, "To", to);
        row = add(form, row, "Format", format);
        JPanel fileRow = new JPanel(new BorderLayout(4, 0));
        fileRow.add(file, BorderLayout.CENTER);
        javax.swing.JButton choose = new javax.swing.JButton("…");
        choose.addActionListener(event -> {
            JFileChooser chooser = new JFileChooser();
            chooser.setSelectedFile(Path.of(file.getText()).toFile());
            if (chooser.showSaveDialog(form) == JFileChooser.APPROVE_OPTION) {
                file.setText(chooser.getSelectedFile().getPath());
            }
        });
        fileRow.add(choose, BorderLayout.EAST);
        add(form, row, "File", fileRow);
        while (true) {
            int answer = JOptionPane.showConfirmDialog(owner, form, "Export samples to CSV", JOptionPane.OK_CANCEL_OPTION,
                    JOptionPane.PLAIN_MESSAGE);
            if (answer != JOptionPane.OK_OPTION) {
                return null;
            }
            try {
                return new ExportRequest(deviceList.getSelectedValuesList(),
                        Arrays.stream(channels.getText().split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList(),
                        TimeRange.parse(from.getText(), to.getText(), Instant.now(), ZoneId.systemDefault()),
                        Path.of(file.getText().trim()),
                        format.getSelectedIndex() == 0 ? ExportRequest.Format.WIDE : ExportRequest.Format.LONG);
            } catch (IllegalArgumentException e) {
                JOptionPane.showMessageDialog(owner, e.getMessage(), "Export", JOptionPane.WARNING_MESSAGE);
            }
        }
    }

    private static int add(JPanel form, int row, String label, JComponent field) {
        GridBagConstraints at = new GridBagConstraints();
        at.insets = new Insets(3, 3, 3, 3);
        at.gridy = row;
        at.anchor = GridBagConstraints.NORTHWEST;
        form.add(new JLabel(label), at);
        at.gridx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.weightx = 1;
        form.add(field, at);
        return row + 1;
    }
}
