package io.fieldbench.shell.ui.modules;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

import io.fieldbench.api.feature.BundleStatus;
import io.fieldbench.api.feature.FeatureStatus;
import io.fieldbench.shell.ui.Palette;

/**
 * One feature in the Modules view: its switch and description, then each bundle with its state and,
 * for a bundle that does not run, the reason in red.
 */
final class FeatureRow extends JPanel {

    private static final int INDENT = 24;
    private static final int GAP = 6;

    private final String feature;
    private final FeatureSwitch featureSwitch;
    private final Consumer<String> reportProblem;
    private final JCheckBox enabled;
    private final JLabel description = new JLabel();
    private final JPanel bundles = new JPanel();
    private boolean switchable;
    private boolean switching;

    FeatureRow(String feature, FeatureSwitch featureSwitch, Consumer<String> reportProblem) {
        super(new BorderLayout());
        this.feature = feature;
        this.featureSwitch = featureSwitch;
        this.reportProblem = reportProblem;
        setName("feature:" + feature);
        setBorder(BorderFactory.createEmptyBorder(GAP, GAP, GAP, GAP));
        setOpaque(false);

        enabled = new JCheckBox(feature);
        enabled.setFont(enabled.getFont().deriveFont(Font.BOLD));
        enabled.setOpaque(false);
        enabled.addActionListener(e -> switchTo(enabled.isSelected()));
        description.setEnabled(false);

        JPanel head = new JPanel(new BorderLayout(GAP, 0));
        head.setOpaque(false);
        head.add(enabled, BorderLayout.WEST);
        head.add(description, BorderLayout.CENTER);

        bundles.setLayout(new BoxLayout(bundles, BoxLayout.Y_AXIS));
        bundles.setOpaque(false);
        bundles.setBorder(BorderFactory.createEmptyBorder(0, INDENT, 0, 0));

        add(head, BorderLayout.NORTH);
        add(bundles, BorderLayout.CENTER);
    }

    /** Shows the feature as it is now. Call on the EDT. */
    void show(FeatureStatus status) {
        switchable = status.switchable();
        if (!switching) {
            enabled.setSelected(status.enabled());
            enabled.setEnabled(switchable);
        }
        enabled.setToolTipText(switchable ? null : "Part of the bench's base; the launcher controls it");
        description.setText(status.description());
        description.setToolTipText(status.description()); // a narrow view cuts it

        bundles.removeAll();
        for (BundleStatus bundle : status.bundles()) {
            bundles.add(bundleLine(bundle));
            if (!bundle.problem().isEmpty()) {
                bundles.add(problemText(bundle.problem()));
            }
        }
        bundles.revalidate();
        bundles.repaint();
    }

    /** The bundle's name, and its state at the right edge where a narrow view cannot cut it off. */
    private static JComponent bundleLine(BundleStatus bundle) {
        JLabel name = new JLabel(bundle.symbolicName());
        name.setToolTipText(bundle.symbolicName() + (bundle.version().isEmpty() ? "" : " " + bundle.version()));
        JLabel state = new JLabel(bundle.state().name());
        if (!bundle.problem().isEmpty()) {
            state.setForeground(Palette.error());
        } else if (bundle.running()) {
            state.setForeground(Palette.ok());
        } else {
            state.setEnabled(false);
        }
        JPanel line = new JPanel(new BorderLayout(GAP, 0));
        line.setOpaque(false);
        line.add(name, BorderLayout.CENTER);
        line.add(state, BorderLayout.EAST);
        line.setAlignmentX(LEFT_ALIGNMENT);
        line.setMaximumSize(new Dimension(Integer.MAX_VALUE, line.getPreferredSize().height));
        return line;
    }

    private static JComponent problemText(String problem) {
        JTextArea text = new JTextArea(problem);
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setOpaque(false);
        text.setForeground(Palette.error());
        text.setBorder(BorderFactory.createEmptyBorder(0, INDENT, GAP, 0));
        text.setAlignmentX(LEFT_ALIGNMENT);
        Box box = Box.createHorizontalBox();
        box.add(text);
        box.setAlignmentX(LEFT_ALIGNMENT);
        return box;
    }

    private void switchTo(boolean on) {
        switching = true;
        enabled.setEnabled(false);
        try {
            featureSwitch.set(feature, on)
                    .whenComplete((done, failure) -> SwingUtilities.invokeLater(() -> switched(on, failure)));
        } catch (RuntimeException e) {
            switched(on, e);
        }
    }

    private void switched(boolean on, Throwable failure) {
        switching = false;
        enabled.setEnabled(switchable);
        if (failure != null) {
            enabled.setSelected(!on);
            reportProblem.accept("Cannot " + (on ? "enable " : "disable ") + feature + ": " + reason(failure));
        }
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
