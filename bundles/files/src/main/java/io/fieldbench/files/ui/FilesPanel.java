package io.fieldbench.files.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.table.TableCellRenderer;

import io.fieldbench.files.download.DownloadPanel;
import io.fieldbench.files.internal.FilesStatus;
import io.fieldbench.files.internal.Refusal;
import io.fieldbench.files.internal.StatusText;
import io.fieldbench.files.internal.Transfer;
import io.fieldbench.files.ui.FilesView.FilesSnapshot;
import io.fieldbench.server.support.ServerControl.State;
import io.fieldbench.view.support.RowsModel;
import io.fieldbench.view.support.WrapLayout;

/**
 * The Files view's component: the service and its folder on top, files, transfers and refusals in
 * the middle, the download client ({@link DownloadPanel}) below; EDT only. It refreshes itself from
 * a snapshot taken off the EDT.
 */
final class FilesPanel extends JPanel {

    static final int REFRESH_MILLIS = 500;
    static final int LISTED_FILES = 2_000;
    static final int LISTED_REFUSALS = 200;
    /** A list whose item under the mouse shows whole as a tooltip: a refusal's reason may be longer than the list is wide. */
    private static JList<String> wholeInTooltip(JList<String> list) {
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> owner, Object value, int index, boolean selected, boolean focused) {
                JLabel cell = (JLabel) super.getListCellRendererComponent(owner, value, index, selected, focused);
                cell.setToolTipText(cell.getText());
                return cell;
            }
        });
        return list;
    }

    private static final int PROGRESS = 3;

    private final Supplier<CompletableFuture<FilesSnapshot>> snapshots;
    private final Function<Path, CompletableFuture<Void>> share;
    private final JLabel state = new JLabel(" ");
    private final JLabel folder = new JLabel(" ");
    private final JLabel counts = new JLabel(" ");
    private final DefaultListModel<String> files = new DefaultListModel<>();
    private final DefaultListModel<String> refusals = new DefaultListModel<>();
    private final RowsModel<Transfer> transfers = new RowsModel<>(FilesPanel::transferCell, "Client", "File", "Size", "Progress");
    private final Timer refresh;
    private boolean refreshing;
    private Path shownFolder;
    /** Each clickable only when it would do something: Start while stopped, Stop while running. */
    private final JButton startButton = new JButton("Start");
    private final JButton stopButton = new JButton("Stop");

    FilesPanel(Supplier<CompletableFuture<FilesSnapshot>> snapshots, Function<Path, CompletableFuture<Void>> share,
            Supplier<CompletableFuture<FilesStatus>> start, Supplier<CompletableFuture<FilesStatus>> stop) {
        super(new BorderLayout());
        this.snapshots = snapshots;
        this.share = share;

        JButton choose = new JButton("Choose folder…");
        choose.addActionListener(e -> chooseFolder());
        startButton.setName("files-start");
        startButton.addActionListener(e -> start.get());
        stopButton.setName("files-stop");
        stopButton.addActionListener(e -> stop.get());
        JPanel controls = new JPanel(new WrapLayout());
        controls.add(state);
        controls.add(startButton);
        controls.add(stopButton);
        controls.add(WrapLayout.together(new JLabel("Shared folder:"), folder, choose));
        controls.add(counts);
        add(controls, BorderLayout.NORTH);

        JTable table = transfers.table();
        table.getColumnModel().getColumn(PROGRESS).setCellRenderer(new ProgressRenderer());
        JSplitPane lower = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, titled(new JScrollPane(table), "Transfers in progress"),
                titled(new JScrollPane(wholeInTooltip(new JList<>(refusals))), "Refusals"));
        lower.setResizeWeight(0.5);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, titled(new JScrollPane(wholeInTooltip(new JList<>(files))), "Files"),
                lower);
        split.setResizeWeight(0.5);
        add(split, BorderLayout.CENTER);
        add(new DownloadPanel(), BorderLayout.SOUTH);

        refresh = new Timer(REFRESH_MILLIS, e -> refresh());
        refresh.start();
        refresh();
    }

    private static JComponent titled(JComponent component, String title) {
        component.setBorder(BorderFactory.createTitledBorder(title));
        return component;
    }

    void stop() {
        refresh.stop();
    }

    private void chooseFolder() {
        JFileChooser chooser = new JFileChooser(shownFolder == null ? null : shownFolder.toFile());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle("Shared folder");
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            Path chosen = chooser.getSelectedFile().toPath().toAbsolutePath();
            share.apply(chosen).whenComplete((done, failure) -> {
                if (failure != null) {
                    SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(this,
                            "Cannot save the shared folder: " + failure.getMessage(), "Files", JOptionPane.ERROR_MESSAGE));
                }
            });
        }
    }

    private void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        snapshots.get().whenComplete((snapshot, failure) -> SwingUtilities.invokeLater(() -> {
            refreshing = false;
            if (snapshot != null && refresh.isRunning()) {
                show(snapshot);
            }
        }));
    }

    private void show(FilesSnapshot snapshot) {
        FilesStatus status = snapshot.status();
        state.setText(StatusText.headline(status) + " · " + status.transport());
        startButton.setEnabled(status.state() == State.STOPPED);
        stopButton.setEnabled(status.state() == State.RUNNING);
        shownFolder = status.folder();
        folder.setText(status.folder().toString());
        folder.setToolTipText(status.folder().toString());
        counts.setText(status.served() + " served, " + status.failed() + " cut short, " + status.refused() + " refused");
        replace(files, snapshot.files());
        List<String> lines = new ArrayList<>();
        for (int i = snapshot.refusals().size() - 1; i >= 0; i--) {
            Refusal refusal = snapshot.refusals().get(i);
            lines.add(refusal.client() + " " + refusal.name() + ": " + refusal.reason());
        }
        replace(refusals, lines);
        transfers.show(status.inProgress());
    }

    private static void replace(DefaultListModel<String> model, List<String> items) {
        if (model.size() == items.size() && java.util.Collections.list(model.elements()).equals(items)) {
            return;
        }
        model.clear();
        model.addAll(items);
    }

    /** A transfer's client, file, size, and progress in percent. */
    private static Object transferCell(Transfer transfer, int column) {
        return switch (column) {
            case 0 -> transfer.client();
            case 1 -> transfer.name();
            case 2 -> transfer.size();
            default -> transfer.size() == 0 ? 100 : (int) (100 * transfer.sent() / transfer.size());
        };
    }

    private static final class ProgressRenderer implements TableCellRenderer {
        private final JProgressBar bar = new JProgressBar(0, 100);

        ProgressRenderer() {
            bar.setStringPainted(true);
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus, int row,
                int column) {
            bar.setValue(value instanceof Integer percent ? percent : 0);
            return bar;
        }
    }
}
