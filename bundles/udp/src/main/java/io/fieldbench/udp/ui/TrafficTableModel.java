package io.fieldbench.udp.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javax.swing.table.AbstractTableModel;

/** The rows the traffic log shows, newest last. Use on the EDT. */
final class TrafficTableModel extends AbstractTableModel {

    static final int TIME = 0;
    static final int SOURCE = 1;
    static final int LENGTH = 2;
    static final int DATA = 3;
    static final int PROBLEM = 4;
    private static final String[] COLUMNS = {"Time", "Source", "Bytes", "Data", "Problem"};
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private Ring<TrafficEntry> rows;
    private PayloadFormat format;

    TrafficTableModel(Ring<TrafficEntry> rows, PayloadFormat format) {
        this.rows = rows;
        this.format = format;
    }

    /** Shows other rows (another filter) or the same in another format. */
    void show(Ring<TrafficEntry> shown, PayloadFormat shownAs) {
        rows = shown;
        format = shownAs;
        fireTableDataChanged();
    }

    /** Tells the table that rows were appended, and the oldest dropped, with two events however many. */
    void appended(int added, int dropped) {
        if (dropped > 0) {
            fireTableRowsDeleted(0, dropped - 1);
        }
        if (added > 0) {
            fireTableRowsInserted(rows.size() - added, rows.size() - 1);
        }
    }

    TrafficEntry entry(int row) {
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
        return column == LENGTH ? Integer.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        TrafficEntry entry = rows.get(row);
        return switch (column) {
            case TIME -> TIME_FORMAT.format(Instant.ofEpochMilli(entry.time()));
            case SOURCE -> entry.source();
            case LENGTH -> entry.length();
            case DATA -> entry.shown(format);
            case PROBLEM -> entry.problem();
            default -> throw new IndexOutOfBoundsException(column);
        };
    }
}
