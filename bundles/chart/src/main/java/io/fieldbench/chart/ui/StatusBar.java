package io.fieldbench.chart.ui;

import java.awt.BorderLayout;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * The row below a chart: the status line takes what the mouse readout, on the right at a fixed
 * width, leaves; a status too long for it is cut short with "…" (its tooltip has it whole), so
 * the two never print over each other.
 */
final class StatusBar extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final int GAP = 12;
    private static final int SIDE = 4;

    StatusBar(JLabel status, JLabel readout) {
        super(new BorderLayout(GAP, 0));
        setName("status-bar");
        setBorder(BorderFactory.createEmptyBorder(1, SIDE, 1, SIDE));
        add(status, BorderLayout.CENTER);
        add(readout, BorderLayout.EAST);
    }
}
