package io.fieldbench.udp.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.Timer;

import io.fieldbench.udp.internal.CollectorSettings;
import io.fieldbench.view.support.BoundedIntake;
import io.fieldbench.view.support.CutTextRenderer;
import io.fieldbench.view.support.FollowButton;
import io.fieldbench.view.support.Ring;
import io.fieldbench.view.support.RowsModel;
import io.fieldbench.view.support.TextChanges;
import io.fieldbench.view.support.WrapLayout;

/**
 * The traffic log: a virtualized table of the newest datagrams (time, source, length, text or hex,
 * problem) with a source and a text filter, pause, follow and clear.
 * <p>
 * A Swing timer moves at most {@value #MAX_BATCH} waiting rows from the intake into
 * the table ~30 times a second, with one pair of table events per move, so the EDT's work per tick
 * is bounded whatever the datagram rate. All rows are kept in a ring; the table shows them, or with
 * a filter the matching ones as they arrive, and a filter change refilters the kept rows once.
 */
final class TrafficLog extends JPanel {

    /** Rows kept; older ones leave the log (the collector's counters still count them). */
    static final int MAX_ROWS = 20_000;
    /** About 30 table updates a second. */
    static final int DRAIN_INTERVAL_MS = 33;
    /**
     * Rows moved per update: 240 000 rows/s at most, twice the design rate, so that a late tick
     * catches up; beyond that the intake counts what it drops.
     */
    static final int MAX_BATCH = 8_000;
    private static final int TIME = 0;
    private static final int SOURCE = 1;
    private static final int LENGTH = 2;
    private static final int DATA = 3;
    private static final int PROBLEM = 4;
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final String TIME_SAMPLE = "00:00:00.000";
    private static final String SOURCE_SAMPLE = "255.255.255.255:65535";
    private static final String LENGTH_SAMPLE = "Bytes 65507";
    private static final int CELL_PADDING = 16;
    private static final int DATA_WIDTH = 600;
    private static final int PROBLEM_WIDTH = 260;
    private static final int FILTER_COLUMNS = 12;
    private static final int GAP = 6;

    private final BoundedIntake<TrafficEntry> intake;
    private final Ring<TrafficEntry> all = new Ring<>(MAX_ROWS);
    private final JRadioButton text = new JRadioButton("Text", true);
    private final JRadioButton hex = new JRadioButton("Hex");
    private final JComboBox<Charset> encoding = new JComboBox<>(CollectorSettings.CHARSETS.toArray(Charset[]::new));
    private final JTextField sourceFilter = new JTextField(FILTER_COLUMNS);
    private final JTextField textFilter = new JTextField(FILTER_COLUMNS);
    private final JToggleButton pause = new JToggleButton("Pause");
    private final FollowButton follow = new FollowButton("Keep the newest datagram in sight");
    private final JLabel status = new JLabel(" ");
    private final Timer drain = new Timer(DRAIN_INTERVAL_MS, e -> drain());
    private TrafficFilter filter = TrafficFilter.ALL;
    private PayloadFormat format = new PayloadFormat(false, CollectorSettings.CHARSETS.get(0));
    private final RowsModel<TrafficEntry> model = new RowsModel<TrafficEntry>(this::cell, "Time", "Source", "Bytes", "Data",
            "Problem").withColumnClass(LENGTH, Integer.class);
    private final JTable table = model.table();
    private long dropsAtClear;

    TrafficLog(BoundedIntake<TrafficEntry> intake) {
        super(new BorderLayout());
        this.intake = intake;
        add(toolbar(), BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        configureTable();
        drain.start();
    }

    private JPanel toolbar() {
        ButtonGroup shownAs = new ButtonGroup();
        shownAs.add(text);
        shownAs.add(hex);
        text.addActionListener(e -> formatChanged());
        hex.addActionListener(e -> formatChanged());
        encoding.setToolTipText("The encoding the log shows text in (the collector decodes with its own setting)");
        encoding.addActionListener(e -> formatChanged());
        sourceFilter.putClientProperty("JTextField.placeholderText", "Source");
        sourceFilter.setToolTipText("Show datagrams whose source (host:port) contains this");
        textFilter.putClientProperty("JTextField.placeholderText", "Text");
        textFilter.setToolTipText("Show datagrams whose shown bytes or problem contain this");
        TextChanges.onChange(sourceFilter, this::filterChanged);
        TextChanges.onChange(textFilter, this::filterChanged);
        pause.setToolTipText("Hold the log still; up to " + intake.capacity()
                + " new datagrams wait for the resume, later ones are counted, not shown");
        pause.addActionListener(e -> pause.setText(pause.isSelected() ? "Resume" : "Pause"));
        follow.addActionListener(e -> scrollToNewest());
        JButton clear = new JButton("Clear");
        clear.addActionListener(e -> clear());

        JPanel bar = new JPanel(new WrapLayout(GAP));
        bar.add(WrapLayout.together(new JLabel("Filter"), sourceFilter, textFilter));
        bar.add(WrapLayout.together(text, hex, encoding));
        bar.add(WrapLayout.together(pause, follow, clear));
        bar.add(status);
        return bar;
    }


    private void configureTable() {
        table.setFillsViewportHeight(true);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
        // the short columns keep their width; the data and problem columns share what is left
        fixWidth(TIME, textWidth(TIME_SAMPLE));
        fixWidth(SOURCE, textWidth(SOURCE_SAMPLE));
        fixWidth(LENGTH, textWidth(LENGTH_SAMPLE));
        table.getColumnModel().getColumn(DATA).setPreferredWidth(DATA_WIDTH);
        table.getColumnModel().getColumn(PROBLEM).setPreferredWidth(PROBLEM_WIDTH);
        table.getColumnModel().getColumn(PROBLEM).setCellRenderer(new CutTextRenderer() {
            @Override
            public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
                    int row, int column) {
                Component cell = super.getTableCellRendererComponent(table, value, selected, focused, row, column);
                if (!selected) {
                    cell.setForeground(Colors.error());
                }
                return cell;
            }
        });
    }

    private int textWidth(String sample) {
        return table.getFontMetrics(table.getFont()).stringWidth(sample) + CELL_PADDING;
    }

    private void fixWidth(int column, int width) {
        table.getColumnModel().getColumn(column).setPreferredWidth(width);
        table.getColumnModel().getColumn(column).setMinWidth(width);
    }

    private void formatChanged() {
        format = new PayloadFormat(hex.isSelected(), (Charset) encoding.getSelectedItem());
        refilter();
    }

    private void filterChanged() {
        filter = new TrafficFilter(sourceFilter.getText(), textFilter.getText());
        refilter();
    }

    /** Filters the kept rows again: once per user change, never per tick. */
    private void refilter() {
        List<TrafficEntry> shown = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (filter.isAll() || filter.test(all.get(i), format)) {
                shown.add(all.get(i));
            }
        }
        model.show(shown);
        scrollToNewest();
        showStatus();
    }

    private void drain() {
        if (!pause.isSelected()) {
            List<TrafficEntry> batch = intake.drain(MAX_BATCH);
            if (!batch.isEmpty()) {
                all.append(batch);
                if (!filter.isAll()) {
                    batch.removeIf(entry -> !filter.test(entry, format));
                }
                model.append(batch, MAX_ROWS);
                scrollToNewest();
            }
        }
        showStatus();
    }

    private void clear() {
        all.clear();
        dropsAtClear = intake.dropped();
        model.show(List.of());
        showStatus();
    }

    private void scrollToNewest() {
        follow.revealNewest(table);
    }

    private void showStatus() {
        StringBuilder summary = new StringBuilder();
        summary.append(filter.isAll() ? all.size() + " datagrams" : model.getRowCount() + " of " + all.size() + " datagrams");
        int waiting = intake.waiting();
        if (pause.isSelected() || waiting > MAX_BATCH) {
            summary.append(" · ").append(waiting).append(pause.isSelected() ? " held" : " waiting");
        }
        long dropped = intake.dropped() - dropsAtClear;
        if (dropped > 0) {
            summary.append(" · ").append(dropped).append(" not shown (log overloaded)");
        }
        String shown = summary.toString();
        if (!shown.equals(status.getText())) {
            status.setText(shown);
        }
    }

    private Object cell(TrafficEntry entry, int column) {
        return switch (column) {
            case TIME -> TIME_FORMAT.format(Instant.ofEpochMilli(entry.time()));
            case SOURCE -> entry.source();
            case LENGTH -> entry.length();
            case DATA -> entry.shown(format);
            case PROBLEM -> entry.problem();
            default -> throw new IndexOutOfBoundsException(column);
        };
    }

    /** Shows text in the collector's encoding at first; the user may pick another. */
    void showEncoding(Charset charset) {
        encoding.setSelectedItem(charset);
    }

    /** Stops taking rows; the view is going away. */
    void stop() {
        drain.stop();
    }
}
