package io.fieldbench.recorder.ui;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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

import io.fieldbench.support.CsvTime;
import io.fieldbench.recorder.export.ExportFolder;
import io.fieldbench.recorder.export.ExportRequest;
import io.fieldbench.recorder.export.TimeRange;
import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.RecordingSummary;

/**
 * Asks what to export: devices (from the chosen recordings), channels, the time range (prefilled
 * with the recordings' span in local time, as the CSV writes it; ISO 8601 or relative like -10m),
 * the format and the file (a new one in the data folder).
 */
final class ExportDialog {

    private static final int VISIBLE_DEVICES = 8;
    private static final int FIELD_COLUMNS = 26;
    /** The name of the file field, for the window tests. */
    static final String FILE_FIELD = "export-file";

    private final Window owner;
    private final List<RecordingSummary> recordings;
    private final Path dataFolder;

    ExportDialog(Window owner, List<RecordingSummary> recordings, Path dataFolder) {
        this.owner = owner;
        this.dataFolder = dataFolder;
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
        ZoneId zone = ZoneId.systemDefault();
        CsvTime time = new CsvTime(zone);
        // whole milliseconds, as the CSV shows them: the first one down, the end just after the last sample
        JTextField from = new JTextField(first.map(time::text).orElse(""), FIELD_COLUMNS);
        JTextField to = new JTextField(last.map(at -> time.text(at.truncatedTo(ChronoUnit.MILLIS).plusMillis(1))).orElse(""),
                FIELD_COLUMNS);
        from.setToolTipText("ISO 8601 (2026-11-22T10:00:00+01:00) or relative (-10m, -2h); empty: from the first sample");
        to.setToolTipText("Not included. ISO 8601, relative, or now; empty: to the last sample");
        JComboBox<String> format = new JComboBox<>(new String[] {"wide: one column per channel", "long: one row per value"});
        JTextField file = new JTextField(ExportFolder.newFile(dataFolder, Instant.now(), zone).toString(), FIELD_COLUMNS);
        file.setName(FILE_FIELD);
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
                        TimeRange.parse(from.getText(), to.getText(), Instant.now(), zone),
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
