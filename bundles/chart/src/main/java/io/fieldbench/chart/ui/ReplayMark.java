package io.fieldbench.chart.ui;

import java.awt.Color;
import java.awt.Font;

import javax.swing.JLabel;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

/**
 * Marks a chart that shows a recording played back rather than live data: a badge for the toolbar
 * and a subtitle on the chart itself (so a PNG export carries it too). On the EDT.
 */
final class ReplayMark {

    /** The text of the mark (toolbar badge and chart subtitle). */
    static final String REPLAY_MARK = "REPLAY";
    private static final Color REPLAY_COLOR = new Color(0xE0, 0x8A, 0x00);
    private static final int SUBTITLE_SIZE = 12;

    private final JFreeChart chart;
    private final JLabel badge = new JLabel(REPLAY_MARK);
    private final TextTitle subtitle = new TextTitle(REPLAY_MARK + " — recorded data played back",
            new Font(Font.SANS_SERIF, Font.BOLD, SUBTITLE_SIZE));
    private boolean shown;

    ReplayMark(JFreeChart chart) {
        this.chart = chart;
        subtitle.setPaint(REPLAY_COLOR);
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

    /** Shows the mark, or takes it away; changes nothing when it stays as it is. */
    void show(boolean replay) {
        if (replay == shown) {
            return;
        }
        shown = replay;
        badge.setVisible(replay);
        if (replay) {
            chart.addSubtitle(0, subtitle);
        } else {
            chart.removeSubtitle(subtitle);
        }
    }

    boolean shown() {
        return shown;
    }
}
