package io.fieldbench.shell.internal.help;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;

/** About: the bench's version, data folder and log file, each as text the user can copy. */
final class AboutPanel extends JPanel {

    private static final int GAP = 6;
    private static final int BORDER = 12;

    AboutPanel(BenchInfo bench, Runnable openDataFolder) {
        super(new GridBagLayout());
        setBorder(BorderFactory.createEmptyBorder(BORDER, BORDER, BORDER, BORDER));
        JLabel title = new JLabel("Fieldbench");
        title.putClientProperty("FlatLaf.styleClass", "h2");
        add(title, constraints(0, 0, 2));
        addLine(1, "Version", bench.version());
        addLine(2, "Data folder", bench.dataFolder().toString());
        addLine(3, "Log file", bench.logFile().toString());
        JButton open = new JButton("Open data folder");
        open.addActionListener(e -> openDataFolder.run());
        GridBagConstraints button = constraints(1, 4, 1);
        button.fill = GridBagConstraints.NONE;
        button.anchor = GridBagConstraints.LINE_END;
        add(open, button);
    }

    private void addLine(int row, String label, String value) {
        GridBagConstraints name = constraints(0, row, 1);
        name.weightx = 0;
        add(new JLabel(label), name);
        JTextField text = new JTextField(value);
        text.setEditable(false);
        add(text, constraints(1, row, 1));
    }

    private static GridBagConstraints constraints(int x, int y, int width) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.gridwidth = width;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.anchor = GridBagConstraints.LINE_START;
        c.insets = new Insets(GAP / 2, GAP / 2, GAP / 2, GAP / 2);
        return c;
    }
}
