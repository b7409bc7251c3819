package io.fieldbench.view.support;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * A view's status lines, under its controls: one line each and always there, empty or not, so a
 * status that appears or grows never moves a control under the mouse; where a narrow view cuts a
 * line, its tooltip has it whole.
 */
public final class StatusLines extends JPanel {

    public StatusLines(JLabel... lines) {
        super(new GridLayout(0, 1));
        setBorder(BorderFactory.createEmptyBorder(0, WrapLayout.GAP, WrapLayout.GAP / 2, WrapLayout.GAP));
        for (JLabel line : lines) {
            show(line, line.getText() == null ? "" : line.getText().strip());
            add(line);
        }
    }

    /** A view's header: its controls on a wrapping row, and these status lines under them. */
    public static JPanel under(List<? extends JComponent> controls, JLabel... lines) {
        JPanel row = new JPanel(new WrapLayout());
        controls.forEach(row::add);
        JPanel header = new JPanel(new BorderLayout());
        header.add(row, BorderLayout.NORTH);
        header.add(new StatusLines(lines), BorderLayout.CENTER);
        return header;
    }

    /** Shows {@code text} on the line; an empty line keeps its height. */
    public static void show(JLabel line, String text) {
        line.setText(text.isEmpty() ? " " : text);
        line.setToolTipText(text.isEmpty() ? null : text);
    }
}
