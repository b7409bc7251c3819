package io.fieldbench.chart.ui;

import java.awt.Color;
import java.awt.Font;

import javax.swing.JLabel;

/**
 * Marks a chart that shows a recording played back rather than live data: a badge for the toolbar;
 * the chart itself carries a subtitle ({@link ChartFigure}), so that a PNG export carries it too. On
 * the EDT.
 */
final class ReplayMark {

    /** The text of the mark (toolbar badge and chart subtitle). */
    static final String REPLAY_MARK = "REPLAY";
    static final Color REPLAY_COLOR = new Color(0xE0, 0x8A, 0x00);

    private final JLabel badge = new JLabel(REPLAY_MARK);
    private boolean shown;

    ReplayMark() {
        badge.setName("replay");
        badge.setToolTipText("A checked channel shows a recording played back, not live data");
        badge.setForeground(REPLAY_COLOR);
        badge.setFont(badge.getFont().deriveFont(Font.BOLD));
        badge.setVisible(false);
    }

    /** The toolbar badge, visible while the mark is shown. */
    JLabel badge() {
        return badge;
    }

    /** Shows the badge, or takes it away. */
    void show(boolean replay) {
        shown = replay;
        badge.setVisible(replay);
    }

    boolean shown() {
        return shown;
    }
}
