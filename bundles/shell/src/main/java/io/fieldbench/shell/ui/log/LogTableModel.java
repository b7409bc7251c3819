package io.fieldbench.shell.ui.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.swing.table.AbstractTableModel;

/** The log lines as table rows, newest last, kept in a {@link LogRing}. Use on the EDT. */
final class LogTableModel extends AbstractTableModel {

    static final int TIME = 0;
    static final int LEVEL = 1;
    static final int BUNDLE = 2;
    static final int MESSAGE = 3;
    private static final String[] COLUMNS = {"Time", "Level", "Bundle", "Message"};
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final LogRing ring;

    LogTableModel(int capacity) {
        ring = new LogRing(capacity);
    }

    /** Appends a batch with one pair of table events, however large the batch. */
    void append(List<LogLine> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int before = ring.size();
        int dropped = ring.append(batch);
        if (dropped > 0) {
            // rows shifted: the oldest are gone and the rest moved up
            fireTableDataChanged();
        } else {
            fireTableRowsInserted(before, ring.size() - 1);
        }
    }

    void clear() {
        ring.clear();
        fireTableDataChanged();
    }

    LogLine line(int row) {
        return ring.get(row);
    }

    long dropped() {
        return ring.dropped();
    }

    @Override
    public int getRowCount() {
        return ring.size();
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
    public Object getValueAt(int row, int column) {
        LogLine line = ring.get(row);
        return switch (column) {
            case TIME -> TIME_FORMAT.format(Instant.ofEpochMilli(line.time()));
            case LEVEL -> line.level();
            case BUNDLE -> line.bundle();
            case MESSAGE -> line.message();
            default -> throw new IndexOutOfBoundsException(column);
        };
    }
}
