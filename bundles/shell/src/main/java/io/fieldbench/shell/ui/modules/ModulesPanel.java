package io.fieldbench.shell.ui.modules;

import java.awt.BorderLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;

import io.fieldbench.api.feature.FeatureStatus;
import io.fieldbench.shell.ui.Palette;
import io.fieldbench.shell.ui.WidthTrackingPanel;

/** The Modules view: every feature with its switch and bundles, and one line for the last failed switch. */
final class ModulesPanel extends JPanel {

    private static final int GAP = 6;

    private final FeatureSwitch featureSwitch;
    private final JPanel list = new WidthTrackingPanel(false);
    private final JLabel problem = new JLabel(" ");
    private final Map<String, FeatureRow> rows = new LinkedHashMap<>();

    ModulesPanel(FeatureSwitch featureSwitch) {
        super(new BorderLayout());
        this.featureSwitch = featureSwitch;
        problem.setForeground(Palette.error());
        problem.setBorder(BorderFactory.createEmptyBorder(GAP, GAP, GAP, GAP));
        list.setLayout(new BoxLayout(list, BoxLayout.Y_AXIS));
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(WidthTrackingPanel.SCROLL_UNIT);
        add(scroll, BorderLayout.CENTER);
        add(problem, BorderLayout.SOUTH);
    }

    /** Shows these features, reusing the rows when the set of features is unchanged. Call on the EDT. */
    void show(List<FeatureStatus> features) {
        List<String> names = features.stream().map(FeatureStatus::name).toList();
        if (!names.equals(List.copyOf(rows.keySet()))) {
            rebuild(names);
        }
        features.forEach(feature -> rows.get(feature.name()).show(feature));
        list.revalidate();
        list.repaint();
    }

    private void rebuild(List<String> names) {
        rows.clear();
        list.removeAll();
        for (String name : names) {
            if (!rows.isEmpty()) {
                list.add(new JSeparator(SwingConstants.HORIZONTAL));
            }
            FeatureRow row = new FeatureRow(name, featureSwitch, this::showProblem);
            row.setAlignmentX(LEFT_ALIGNMENT);
            rows.put(name, row);
            list.add(row);
        }
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setToolTipText(text);
    }
}
