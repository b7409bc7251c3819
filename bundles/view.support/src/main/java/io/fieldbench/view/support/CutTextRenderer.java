package io.fieldbench.view.support;

import java.awt.Component;
import java.awt.Insets;

import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * A text cell that shows all of its text as a tooltip when the column cuts it: a long log message
 * (the receive buffer's advice, a stack trace's cause), a datagram's data or a refusal's reason is
 * read by resting the mouse on it. Every {@link RowsModel#table} has it for its text columns.
 */
public class CutTextRenderer extends DefaultTableCellRenderer {

    /** Where a tooltip wraps: about a hundred characters a line. */
    private static final int TOOLTIP_WIDTH_PX = 640;

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
            int row, int column) {
        JComponent cell = (JComponent) super.getTableCellRendererComponent(table, value, selected, focused, row, column);
        String text = value == null ? "" : value.toString();
        Insets insets = getInsets();
        int room = table.getColumnModel().getColumn(column).getWidth() - insets.left - insets.right;
        cell.setToolTipText(getFontMetrics(getFont()).stringWidth(text) > room ? tooltip(text) : null);
        return cell;
    }

    private static String tooltip(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<html><body style='width:" + TOOLTIP_WIDTH_PX + "px'>" + escaped + "</body></html>";
    }
}
