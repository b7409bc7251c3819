package io.fieldbench.view.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.swing.JTable;
import javax.swing.table.AbstractTableModel;

/**
 * A read-only table of rows, one object each, the cells made by a function of the row and the
 * column. It takes a whole new set of rows at once (a snapshot), merges a snapshot of keyed rows in
 * place (a live list), or appends a batch and drops the oldest beyond a limit (a log), each with
 * as few and as narrow table events as it can, so the table's selection, sort and scroll position
 * survive. EDT only.
 *
 * @param <T> what one row shows
 */
public final class RowsModel<T> extends AbstractTableModel {

    private final String[] columns;
    private final Class<?>[] columnClasses;
    private final BiFunction<T, Integer, Object> cell;
    private final List<T> rows = new ArrayList<>();
    private final List<T> readOnlyRows = Collections.unmodifiableList(rows);
    /** The row index of each key while only {@link #merge} changes the rows; null when unknown. */
    private Map<Object, Integer> rowByKey;

    public RowsModel(BiFunction<T, Integer, Object> cell, String... columns) {
        this.columns = columns.clone();
        this.columnClasses = new Class<?>[columns.length];
        Arrays.fill(columnClasses, Object.class);
        this.cell = cell;
    }

    /**
     * Declares what a column's cells are, for the renderer and the sort order a table picks (a
     * {@code Long} column right-aligned and sorted as numbers); undeclared columns are
     * {@code Object}. Call before the table is made.
     */
    public RowsModel<T> withColumnClass(int column, Class<?> type) {
        columnClasses[column] = type;
        return this;
    }

    /**
     * A table of these rows with columns this wide (or in these proportions, when the table fits its
     * width); a text cell the column cuts shows whole in its tooltip.
     */
    public JTable table(int... widths) {
        JTable table = new JTable(this);
        table.setDefaultRenderer(Object.class, new CutTextRenderer());
        for (int column = 0; column < widths.length; column++) {
            table.getColumnModel().getColumn(column).setPreferredWidth(widths[column]);
        }
        return table;
    }

    /** Shows these rows instead of the ones shown. */
    public void show(List<? extends T> now) {
        rows.clear();
        rows.addAll(now);
        rowByKey = null;
        fireTableDataChanged();
    }

    /**
     * Takes a snapshot of rows told apart by {@code key} in place: a row keeps its index as long as
     * its key is in the snapshots, changed rows (not {@code equals}) are announced as updated, and
     * new keys are added at the end and announced as inserted. A snapshot that lacks a shown key
     * (a row removed) is shown anew.
     *
     * @param key the same function at every call
     */
    public <K> void merge(List<? extends T> now, Function<? super T, K> key) {
        if (rowByKey == null) {
            rowByKey = new HashMap<>();
            for (int index = 0; index < rows.size(); index++) {
                rowByKey.put(key.apply(rows.get(index)), index);
            }
        }
        Set<K> keys = new HashSet<>(now.size() * 2);
        for (T row : now) {
            keys.add(key.apply(row));
        }
        if (!keys.containsAll(rowByKey.keySet())) {
            show(now);
            return;
        }
        // updates first, announced while the row count is still the one listeners know; then the new rows
        int firstChanged = Integer.MAX_VALUE;
        int lastChanged = -1;
        List<T> added = new ArrayList<>();
        for (T row : now) {
            Integer index = rowByKey.get(key.apply(row));
            if (index == null) {
                added.add(row);
            } else if (!rows.get(index).equals(row)) {
                rows.set(index, row);
                firstChanged = Math.min(firstChanged, index);
                lastChanged = Math.max(lastChanged, index);
            }
        }
        if (lastChanged >= 0) {
            fireTableRowsUpdated(firstChanged, lastChanged);
        }
        if (!added.isEmpty()) {
            int first = rows.size();
            for (T row : added) {
                rowByKey.put(key.apply(row), rows.size());
                rows.add(row);
            }
            fireTableRowsInserted(first, rows.size() - 1);
        }
    }

    /**
     * Adds rows at the end and drops the oldest beyond {@code kept}, announcing the drop and the
     * addition as one deletion and one insertion however many rows they are.
     *
     * @return how many rows were dropped, shown ones and the batch's own oldest alike
     */
    public int append(List<? extends T> batch, int kept) {
        if (kept <= 0) {
            throw new IllegalArgumentException("kept must be positive: " + kept);
        }
        List<? extends T> added = batch.size() > kept ? batch.subList(batch.size() - kept, batch.size()) : batch;
        int excess = rows.size() + added.size() - kept;
        rowByKey = null;
        if (excess > 0) {
            rows.subList(0, excess).clear();
            fireTableRowsDeleted(0, excess - 1);
        }
        if (!added.isEmpty()) {
            int first = rows.size();
            rows.addAll(added);
            fireTableRowsInserted(first, rows.size() - 1);
        }
        return batch.size() - added.size() + Math.max(excess, 0);
    }

    /** The rows shown, oldest first: a read-only view that follows the model. */
    public List<T> rows() {
        return readOnlyRows;
    }

    /** The row at this model index (a view index converted with {@link JTable#convertRowIndexToModel}). */
    public T row(int index) {
        return rows.get(index);
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
    public Class<?> getColumnClass(int column) {
        return columnClasses[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        return cell.apply(rows.get(row), column);
    }
}
