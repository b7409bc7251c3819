package io.fieldbench.sim.ui;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * A narrow form: a label column and a field column that takes the width, one row per field, so
 * that it reads well docked at the side of the window.
 */
final class Form extends JPanel {

    private static final Insets GAPS = new Insets(2, 2, 2, 2);

    private int rows;

    Form() {
        super(new GridBagLayout());
    }

    /** A labelled field. */
    Form row(String label, JComponent field) {
        GridBagConstraints at = at(0);
        at.anchor = GridBagConstraints.LINE_START;
        add(new JLabel(label), at);
        GridBagConstraints wide = at(1);
        wide.fill = GridBagConstraints.HORIZONTAL;
        wide.weightx = 1;
        add(field, wide);
        rows++;
        return this;
    }

    /** A component across both columns, such as a row of buttons or a status line. */
    Form span(JComponent component) {
        GridBagConstraints at = at(0);
        at.gridwidth = 2;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.weightx = 1;
        add(component, at);
        rows++;
        return this;
    }

    private GridBagConstraints at(int column) {
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = column;
        at.gridy = rows;
        at.insets = GAPS;
        return at;
    }
}
