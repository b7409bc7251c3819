package io.fieldbench.imagerelay.ui;

import java.util.List;
import java.util.function.BiFunction;

import javax.swing.JTable;
import javax.swing.table.AbstractTableModel;

/** A read-only table of rows, one record each, the cells made by a function of the row and the column. EDT only. */
final class RowsModel<T> extends AbstractTableModel {

    private final String[] columns;
    private final BiFunction<T, Integer, Object> cell;
    private List<T> rows = List.of();

    RowsModel(BiFunction<T, Integer, Object> cell, String... columns) {
        this.columns = columns.clone();
        this.cell = cell;
    }

    /** A table of these rows with columns this wide (or in these proportions, when the table fits its width). */
    JTable table(int... widths) {
        JTable table = new JTable(this);
        for (int column = 0; column < widths.length; column++) {
            table.getColumnModel().getColumn(column).setPreferredWidth(widths[column]);
        }
        return table;
    }

    void show(List<T> now) {
        rows = List.copyOf(now);
        fireTableDataChanged();
    }

    List<T> rows() {
        return rows;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public String getColumnName(int column) {
        return columns[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        return cell.apply(rows.get(row), column);
    }
}
