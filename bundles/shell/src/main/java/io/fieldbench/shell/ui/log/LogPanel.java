package io.fieldbench.shell.ui.log;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.RowFilter;
import javax.swing.Timer;
import javax.swing.table.TableRowSorter;

import org.osgi.service.log.LogLevel;

import io.fieldbench.view.support.FollowButton;
import io.fieldbench.view.support.RowsModel;
import io.fieldbench.view.support.TextChanges;

/**
 * The log view: a virtualized table of the newest log lines with a level and text filter, pause,
 * follow (auto-scroll) and clear. A Swing timer moves waiting lines from the {@link LogIntake} into
 * the table in batches, so a flood of log lines costs a few table updates per second, not one each.
 */
final class LogPanel extends JPanel {

    /** Lines the table keeps; older ones are dropped and counted. */
    static final int MAX_ROWS = 10_000;
    /** About 30 table updates a second. */
    static final int DRAIN_INTERVAL_MS = 33;
    /** Lines moved per update; with the interval this caps the view at ~150 000 lines/s. */
    static final int MAX_BATCH = 5_000;
    private static final LogLevel[] LEVELS = {LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.DEBUG};
    private static final int TIME = 0;
    private static final int LEVEL = 1;
    private static final int BUNDLE = 2;
    private static final int MESSAGE = 3;
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final int TIME_WIDTH = 95;
    private static final int LEVEL_WIDTH = 60;
    private static final int BUNDLE_WIDTH = 220;
    private static final int MESSAGE_WIDTH = 800;
    private static final int FILTER_COLUMNS = 20;

    private final LogIntake intake;
    private final RowsModel<LogLine> model = new RowsModel<>(LogPanel::cell, "Time", "Level", "Bundle", "Message");
    private final JTable table = model.table(TIME_WIDTH, LEVEL_WIDTH, BUNDLE_WIDTH, MESSAGE_WIDTH);
    private final TableRowSorter<RowsModel<LogLine>> sorter = new TableRowSorter<>(model);
    private final JComboBox<LogLevel> level = new JComboBox<>(LEVELS);
    private final JTextField text = new JTextField(FILTER_COLUMNS);
    private final JToggleButton pause = new JToggleButton("Pause");
    private final FollowButton follow = new FollowButton("Keep the newest line in sight");
    private final JLabel status = new JLabel();
    private final Timer drain = new Timer(DRAIN_INTERVAL_MS, e -> drain());
    /** Lines dropped from the table, oldest first, since it was made or cleared. */
    private long dropped;

    LogPanel(LogIntake intake) {
        super(new BorderLayout());
        this.intake = intake;
        add(toolbar(), BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        configureTable();
        dropped = model.append(intake.history(), MAX_ROWS);
        drain.start();
    }

    private JPanel toolbar() {
        level.setSelectedItem(LogLevel.INFO);
        level.setToolTipText("Show lines at least this severe");
        level.addActionListener(e -> applyFilter());
        text.putClientProperty("JTextField.placeholderText", "Filter text");
        TextChanges.onChange(text, this::applyFilter);
        pause.setToolTipText("Hold the view still; up to " + LogIntake.QUEUE_CAPACITY
                + " new lines wait for the resume, later ones are counted as lost");
        JButton clear = new JButton("Clear");
        clear.addActionListener(e -> {
            model.show(List.of());
            dropped = 0;
            showStatus();
        });

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEADING));
        bar.add(new JLabel("Level"));
        bar.add(level);
        bar.add(text);
        bar.add(pause);
        bar.add(follow);
        bar.add(clear);
        bar.add(status);
        return bar;
    }

    private void configureTable() {
        table.setRowSorter(sorter);
        for (int column = 0; column < model.getColumnCount(); column++) {
            sorter.setSortable(column, false); // newest last, always
        }
        table.setFillsViewportHeight(true);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
        table.getColumnModel().getColumn(LEVEL).setCellRenderer(new LogLevelRenderer());
        applyFilter();
    }

    private void applyFilter() {
        LogFilter filter = new LogFilter((LogLevel) level.getSelectedItem(), text.getText());
        sorter.setRowFilter(new RowFilter<RowsModel<LogLine>, Integer>() {
            @Override
            public boolean include(Entry<? extends RowsModel<LogLine>, ? extends Integer> entry) {
                return filter.test(model.row(entry.getIdentifier()));
            }
        });
        scrollToNewest();
    }

    private void drain() {
        if (!pause.isSelected()) {
            dropped += model.append(intake.drain(MAX_BATCH), MAX_ROWS);
            scrollToNewest();
        }
        showStatus();
    }

    private void scrollToNewest() {
        follow.revealNewest(table);
    }

    private void showStatus() {
        String summary = table.getRowCount() + " of " + model.getRowCount() + " lines";
        if (dropped > 0) {
            summary += " · " + dropped + " older dropped";
        }
        if (intake.lost() > 0) {
            summary += " · " + intake.lost() + " lost to overload";
        }
        if (!summary.equals(status.getText())) {
            status.setText(summary);
        }
    }

    private static Object cell(LogLine line, int column) {
        return switch (column) {
            case TIME -> TIME_FORMAT.format(Instant.ofEpochMilli(line.time()));
            case LEVEL -> line.level();
            case BUNDLE -> line.bundle();
            default -> line.message();
        };
    }

    /** Stops taking lines; the view is going away. */
    void stop() {
        drain.stop();
    }
}
