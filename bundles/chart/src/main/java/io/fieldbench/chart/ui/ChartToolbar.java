package io.fieldbench.chart.ui;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JToggleButton;

import io.fieldbench.view.support.WrapLayout;

/**
 * The controls above a chart, wrapping onto more rows when the view is narrow: the replay badge,
 * the channel picker, the time window, Pause, Box zoom, Reset zoom, PNG and CSV export, New chart and
 * Close chart. It tells its {@link Actions} what the user did. On the EDT.
 */
final class ChartToolbar extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final int GAP = 6;

    /** What the toolbar's controls do. */
    interface Actions {

        void windowChosen(TimeWindow window);

        void pauseChanged(boolean paused);

        void resetZoom();

        /** A plain drag on the plot draws a zoom box (on) or pans (off). */
        void boxZoomChanged(boolean on);

        void exportPng();

        void exportCsv();

        void openChart();

        void closeChart();
    }

    private final JToggleButton pause = new JToggleButton("Pause");

    ChartToolbar(JComponent replayBadge, ChannelPicker picker, TimeWindow shown, Actions actions) {
        super(new WrapLayout(GAP));
        JComboBox<TimeWindow> window = new JComboBox<>(TimeWindow.values());
        window.setName("window");
        window.setToolTipText("How much recent time the chart shows");
        window.setSelectedItem(shown);
        window.addActionListener(e -> actions.windowChosen((TimeWindow) window.getSelectedItem()));
        pause.setName("pause");
        pause.setToolTipText("Freeze the picture; data keeps arriving and shows on Resume");
        pause.addActionListener(e -> {
            pause.setText(pause.isSelected() ? "Resume" : "Pause");
            actions.pauseChanged(pause.isSelected());
        });
        add(replayBadge);
        add(picker);
        add(window);
        add(pause);
        JToggleButton box = new JToggleButton("Box zoom");
        box.setName("box-zoom");
        box.setToolTipText("Drag a box on the plot to zoom into it (Shift+drag does it too); off, a drag pans");
        box.addActionListener(e -> actions.boxZoomChanged(box.isSelected()));
        add(box);
        add(button("Reset zoom", "reset-zoom", "Show the time window again, scrolling, values autoscaled",
                actions::resetZoom));
        add(button("PNG", "export-png", "Save the visible chart as a PNG picture", actions::exportPng));
        add(button("CSV", "export-csv", "Save the checked channels' points in the visible time range as CSV",
                actions::exportCsv));
        add(button("New chart", "new-chart", "Open another chart view", actions::openChart));
        add(button("Close chart", "close-chart", "Close this chart for good", actions::closeChart));
    }

    private static JButton button(String text, String name, String tip, Runnable action) {
        JButton button = new JButton(text);
        button.setName(name);
        button.setToolTipText(tip);
        button.addActionListener(e -> action.run());
        return button;
    }

    /** Whether Pause is pressed: the picture is frozen. */
    boolean paused() {
        return pause.isSelected();
    }
}
