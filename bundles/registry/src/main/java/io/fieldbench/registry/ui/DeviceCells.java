package io.fieldbench.registry.ui;

import java.awt.Color;
import java.awt.Component;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;

import io.fieldbench.view.support.CutTextRenderer;

/** How the device table's cells read: state in colour, numbers grouped and right-aligned, times local. */
final class DeviceCells {

    private static final Color FALLBACK_ONLINE = new Color(0x59, 0xA8, 0x69);
    private static final Color FALLBACK_OFFLINE = new Color(0x99, 0x99, 0x99);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private DeviceCells() {
    }

    static void install(JTable table) {
        table.setDefaultRenderer(Object.class, new CutTextRenderer());
        table.setDefaultRenderer(Boolean.class, new StateRenderer());
        table.setDefaultRenderer(Long.class, new TextRenderer(SwingConstants.TRAILING, value -> String.format("%,d", (Long) value)));
        table.setDefaultRenderer(Double.class, new TextRenderer(SwingConstants.TRAILING, value -> String.format("%,.1f", (Double) value)));
        table.setDefaultRenderer(Instant.class, new TextRenderer(SwingConstants.LEADING, value -> time((Instant) value)));
    }

    /** Today's times as {@code HH:mm:ss}, older ones with their date. */
    static String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        boolean today = LocalDate.ofInstant(instant, ZoneId.systemDefault()).equals(LocalDate.now());
        return (today ? TIME : DATE_TIME).format(instant);
    }

    private static Color themed(String key, Color fallback) {
        Color color = UIManager.getColor(key);
        return color == null ? fallback : color;
    }

    /** A cell's text from its value. */
    @FunctionalInterface
    private interface Text {
        String of(Object value);
    }

    private static final class TextRenderer extends DefaultTableCellRenderer {

        private final Text text;

        TextRenderer(int alignment, Text text) {
            this.text = text;
            setHorizontalAlignment(alignment);
        }

        @Override
        protected void setValue(Object value) {
            setText(value == null ? "" : text.of(value));
        }
    }

    private static final class StateRenderer extends DefaultTableCellRenderer {

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
                int row, int column) {
            JLabel label = (JLabel) super.getTableCellRendererComponent(table, value, selected, focused, row, column);
            boolean online = Boolean.TRUE.equals(value);
            label.setText(online ? "● online" : "○ offline");
            if (!selected) {
                label.setForeground(online ? themed("Actions.Green", FALLBACK_ONLINE) : themed("Label.disabledForeground", FALLBACK_OFFLINE));
            }
            return label;
        }
    }
}
