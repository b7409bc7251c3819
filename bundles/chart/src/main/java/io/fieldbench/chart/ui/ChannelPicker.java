package io.fieldbench.chart.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.UIManager;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.view.support.TextChanges;

/**
 * The checkbox drop-down of a chart: a button that reads "3 of 12 channels" and opens a list of
 * every device's channels, grouped by device, with a search field and select all / none. Checking
 * a box tells the chart at once. Beside each channel a "right axis" box puts it on the chart's
 * second value axis, for a channel whose range is far from the others'. A chart with nothing
 * checked that the user never chose for takes the channels it is {@linkplain #suggest suggested}.
 * Runs on the EDT.
 */
final class ChannelPicker extends JButton {

    private static final long serialVersionUID = 1L;
    private static final int LIST_WIDTH = 320;
    private static final int LIST_HEIGHT = 360;
    /** The right-axis boxes are secondary: a smaller font than the channel's. */
    private static final float SMALL_FONT = 0.85f;

    private final transient Supplier<List<SeriesKey>> available;
    private final transient Consumer<List<SeriesKey>> changed;
    private final transient Consumer<Set<SeriesKey>> axisChanged;
    /** The channels on the right-hand axis (checked or not: the choice outlives an uncheck). */
    private final Set<SeriesKey> right = new TreeSet<>();
    /** The checked series in checking order (the legend order). */
    private final Set<SeriesKey> checked = new LinkedHashSet<>();
    private final JPopupMenu popup = new JPopupMenu();
    private final JTextField search = new JTextField();
    private final JPanel list = new JPanel();
    private List<SeriesKey> known = List.of();
    /** Whether the user has checked or unchecked a channel here: the picker then never suggests. */
    private boolean chosen;

    ChannelPicker(Supplier<List<SeriesKey>> available, List<SeriesKey> initial, Set<SeriesKey> initialRight,
            Consumer<List<SeriesKey>> changed, Consumer<Set<SeriesKey>> axisChanged) {
        this.available = available;
        this.changed = changed;
        this.axisChanged = axisChanged;
        checked.addAll(initial);
        right.addAll(initialRight);
        setName("channels");
        setToolTipText("Choose the channels this chart shows");
        Icon arrow = UIManager.getIcon("Tree.expandedIcon");
        if (arrow != null) {
            setIcon(arrow);
            setHorizontalTextPosition(LEADING);
        }
        search.setName("channel-search");
        search.putClientProperty("JTextField.placeholderText", "Search devices and channels");
        TextChanges.onChange(search, this::fill);
        JButton all = new JButton("All");
        all.setName("select-all");
        all.addActionListener(e -> setAllShown(true));
        JButton none = new JButton("None");
        none.setName("select-none");
        none.addActionListener(e -> setAllShown(false));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        buttons.add(all);
        buttons.add(none);
        JPanel top = new JPanel(new BorderLayout(0, 4));
        top.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        top.add(search, BorderLayout.NORTH);
        top.add(buttons, BorderLayout.SOUTH);
        list.setLayout(new BoxLayout(list, BoxLayout.Y_AXIS));
        list.setName("channel-list");
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new Dimension(LIST_WIDTH, LIST_HEIGHT));
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        JPanel content = new JPanel(new BorderLayout());
        content.add(top, BorderLayout.NORTH);
        content.add(scroll, BorderLayout.CENTER);
        popup.setName("channel-popup");
        popup.add(content);
        addActionListener(e -> open());
        refreshKnown();
    }

    /** Opens the drop-down with the devices and channels known now. */
    void open() {
        refreshKnown();
        fill();
        popup.show(this, 0, getHeight());
        search.requestFocusInWindow();
    }

    /** Reads the known channels again (also called by the chart's timer, so the count stays true). */
    void refreshKnown() {
        Set<SeriesKey> all = new TreeSet<>(available.get());
        all.addAll(checked);
        if (!all.equals(new TreeSet<>(known))) {
            known = new ArrayList<>(all);
            if (popup.isVisible()) {
                fill();
            }
        }
        updateText();
    }

    List<SeriesKey> checked() {
        return new ArrayList<>(checked);
    }

    /**
     * Checks these channels for a chart that shows nothing and whose channels the user never
     * chose here, so a new chart shows data at once; otherwise leaves the choice alone.
     */
    void suggest(Supplier<List<SeriesKey>> channels) {
        if (chosen || !checked.isEmpty()) {
            return;
        }
        if (checked.addAll(channels.get())) {
            refreshKnown();
            if (popup.isVisible()) {
                fill();
            }
            changed.accept(checked());
        }
    }

    /** Checks or unchecks one channel as the user would. */
    void setChecked(SeriesKey key, boolean on) {
        chosen = true;
        boolean change = on ? checked.add(key) : checked.remove(key);
        if (change) {
            updateText();
            changed.accept(checked());
        }
    }

    Set<SeriesKey> right() {
        return Set.copyOf(right);
    }

    /** Puts one channel on the right-hand axis or back on the left, as the user would. */
    void setRight(SeriesKey key, boolean on) {
        boolean change = on ? right.add(key) : right.remove(key);
        if (change) {
            axisChanged.accept(right());
        }
    }

    private void setAllShown(boolean on) {
        chosen = true;
        boolean change = false;
        for (SeriesKey key : shown()) {
            change |= on ? checked.add(key) : checked.remove(key);
        }
        if (change) {
            fill();
            updateText();
            changed.accept(checked());
        }
    }

    private List<SeriesKey> shown() {
        String filter = search.getText().trim().toLowerCase(Locale.ROOT);
        return known.stream().filter(key -> filter.isEmpty() || key.label().toLowerCase(Locale.ROOT).contains(filter))
                .toList();
    }

    private void fill() {
        list.removeAll();
        Map<String, List<SeriesKey>> byDevice = new TreeMap<>();
        for (SeriesKey key : shown()) {
            byDevice.computeIfAbsent(key.device(), d -> new ArrayList<>()).add(key);
        }
        if (byDevice.isEmpty()) {
            list.add(new JLabel(known.isEmpty() ? "No device has sent a channel yet" : "Nothing matches"));
        }
        for (Map.Entry<String, List<SeriesKey>> device : byDevice.entrySet()) {
            JLabel heading = new JLabel(device.getKey());
            heading.setFont(heading.getFont().deriveFont(Font.BOLD));
            heading.setBorder(BorderFactory.createEmptyBorder(6, 4, 2, 4));
            heading.setAlignmentX(LEFT_ALIGNMENT);
            list.add(heading);
            for (SeriesKey key : device.getValue()) {
                JCheckBox box = new JCheckBox(key.channel(), checked.contains(key));
                box.setName("channel:" + key.label());
                box.setBorder(BorderFactory.createEmptyBorder(1, 16, 1, 4));
                box.setForeground(SeriesColors.of(key));
                box.addActionListener(e -> setChecked(key, box.isSelected()));
                JCheckBox axis = new JCheckBox("right axis", right.contains(key));
                axis.setName("axis:" + key.label());
                axis.setToolTipText("Draw " + key.label() + " against the right-hand value axis");
                axis.setFont(axis.getFont().deriveFont(axis.getFont().getSize2D() * SMALL_FONT));
                axis.addActionListener(e -> setRight(key, axis.isSelected()));
                JPanel row = new JPanel(new BorderLayout());
                row.setOpaque(false);
                row.add(box, BorderLayout.CENTER);
                row.add(axis, BorderLayout.EAST);
                row.setAlignmentX(LEFT_ALIGNMENT);
                row.setMaximumSize(new Dimension(Integer.MAX_VALUE, row.getPreferredSize().height));
                list.add(row);
            }
        }
        list.add(Box.createVerticalGlue());
        list.revalidate();
        list.repaint();
    }

    private void updateText() {
        setText(checked.size() + " of " + known.size() + " channels");
    }
}
