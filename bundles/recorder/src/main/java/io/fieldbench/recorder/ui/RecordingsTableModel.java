package io.fieldbench.recorder.ui;

import java.time.ZoneId;
import java.util.List;

import javax.swing.table.AbstractTableModel;

import io.fieldbench.recorder.format.RecordingSummary;

/** The recordings as table rows: file, day, kind, size, records, time span, devices, problem. */
final class RecordingsTableModel extends AbstractTableModel {

    private static final long serialVersionUID = 1L;
    private static final String[] COLUMNS = {"File", "Day", "Kind", "Size", "Records", "Time span", "Devices", "Problem"};
    private static final double KIB = 1024;

    private transient List<RecordingSummary> rows = List.of();

    void set(List<RecordingSummary> summaries) {
        rows = List.copyOf(summaries);
        fireTableDataChanged();
    }

    RecordingSummary at(int row) {
        return rows.get(row);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 4 ? Long.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        RecordingSummary summary = rows.get(row);
        return switch (column) {
            case 0 -> summary.file().path().getFileName().toString();
            case 1 -> summary.file().day().toString();
            case 2 -> summary.file().kind().fileName();
            case 3 -> size(summary.bytes());
            case 4 -> summary.records();
            case 5 -> summary.span(ZoneId.systemDefault());
            case 6 -> summary.devices().size() + ": " + String.join(", ", summary.devices());
            default -> summary.problem();
        };
    }

    static String size(long bytes) {
        if (bytes < KIB) {
            return bytes + " B";
        }
        if (bytes < KIB * KIB) {
            return String.format("%.1f KiB", bytes / KIB);
        }
        return String.format("%.1f MiB", bytes / KIB / KIB);
    }
}
