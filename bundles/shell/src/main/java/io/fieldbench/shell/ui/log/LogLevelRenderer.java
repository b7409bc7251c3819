package io.fieldbench.shell.ui.log;

import java.awt.Component;

import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;

import org.osgi.service.log.LogLevel;

import io.fieldbench.shell.ui.Palette;

/** Colours the level column so errors and warnings stand out in a long log. */
final class LogLevelRenderer extends DefaultTableCellRenderer {

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
            int row, int column) {
        Component cell = super.getTableCellRendererComponent(table, value, selected, focused, row, column);
        if (!selected) {
            cell.setForeground(switch (value instanceof LogLevel level ? level : LogLevel.INFO) {
                case AUDIT, ERROR -> Palette.error();
                case WARN -> Palette.warning();
                default -> table.getForeground();
            });
        }
        return cell;
    }
}
