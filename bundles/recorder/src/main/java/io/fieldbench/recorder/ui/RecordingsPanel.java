package io.fieldbench.recorder.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.Timer;

import io.fieldbench.recorder.export.CsvExporter;
import io.fieldbench.recorder.export.ExportRequest;
import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.RecordingSummary;
import io.fieldbench.recorder.internal.Recorder;
import io.fieldbench.recorder.replay.ReplayProgress;
import io.fieldbench.recorder.replay.ReplaySpeed;
import io.fieldbench.recorder.replay.Replayer;
import io.fieldbench.view.support.RowsModel;

/**
 * The Recordings view's content: the table of recordings (kept up to date off the EDT by a
 * {@link RecordingsWatch}), the recorder's state,
 * Export (a dialog, then a worker with a progress bar and Cancel) and Replay (speed, pause, stop,
 * progress). Progress is polled {@value #POLL_MILLIS} ms apart rather than pushed, so the replay
 * and export threads never wait for the EDT.
 */
final class RecordingsPanel extends JPanel {

    private static final long serialVersionUID = 1L;
    static final int POLL_MILLIS = 250;
    private static final int FILE_COLUMN_WIDTH = 220;
    private static final int DEVICES_COLUMN_WIDTH = 220;
    private static final String[] SPEEDS = {"1x", "10x", "max"};

    private final transient Recorder recorder;
    private final transient Replayer replayer;
    private final transient Path dataFolder;
    private final RowsModel<RecordingSummary> model = RecordingCells.model();
    private final JTable table = model.table();
    private final JLabel recorderState = new JLabel(" ");
    private final JLabel replayState = new JLabel("replay: idle");
    private final JProgressBar replayBar = new JProgressBar(0, 1000);
    private final JLabel exportState = new JLabel("export: select recordings (or none for all), then Export CSV…");
    private final JProgressBar exportBar = new JProgressBar(0, 1000);
    private final JButton export = new JButton("Export CSV…");
    private final JButton cancelExport = new JButton("Cancel");
    private final JComboBox<String> speed = new JComboBox<>(SPEEDS);
    private final JButton play = new JButton("Replay");
    private final JButton pause = new JButton("Pause");
    private final JButton stop = new JButton("Stop");
    private final Timer poll;
    private final transient RecordingsWatch watch;
    /** Why the recordings could not be listed at the last look; empty when they could. EDT only. */
    private String readProblem = "";
    private final AtomicBoolean exportCancelled = new AtomicBoolean();

    RecordingsPanel(Recorder recorder, Replayer replayer, Path dataFolder) {
        super(new BorderLayout());
        this.recorder = recorder;
        this.replayer = replayer;
        this.dataFolder = dataFolder;
        table.setAutoCreateRowSorter(true);
        table.getColumnModel().getColumn(RecordingCells.FILE).setPreferredWidth(FILE_COLUMN_WIDTH);
        table.getColumnModel().getColumn(RecordingCells.DEVICES).setPreferredWidth(DEVICES_COLUMN_WIDTH);
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.getSelectionModel().addListSelectionListener(event -> enableButtons());
        add(toolbar(), BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        add(statusBar(), BorderLayout.SOUTH);
        poll = new Timer(POLL_MILLIS, event -> showProgress());
        poll.start();
        watch = new RecordingsWatch(recorder::recordings, this::show, problem -> readProblem = "cannot read the recordings: " + problem);
        watch.start();
        enableButtons();
    }

    private JPanel toolbar() {
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        export.setToolTipText("Write the selected recordings' samples (or all) to a CSV file");
        export.addActionListener(event -> export());
        cancelExport.addActionListener(event -> exportCancelled.set(true));
        cancelExport.setEnabled(false);
        play.setToolTipText("Play the selected sample recordings back as live data, marked replay");
        play.addActionListener(event -> play());
        pause.addActionListener(event -> replayer.pause(!replayer.progress().state().equals("paused")));
        stop.addActionListener(event -> replayer.requestStop()); // never waits on the EDT: the timer shows it stopped
        bar.add(export);
        bar.add(cancelExport);
        bar.add(new JLabel("   Speed"));
        bar.add(speed);
        bar.add(play);
        bar.add(pause);
        bar.add(stop);
        return bar;
    }

    private JPanel statusBar() {
        JPanel status = new JPanel(new java.awt.GridLayout(3, 1, 0, 2));
        status.setBorder(BorderFactory.createEmptyBorder(2, 6, 4, 6));
        status.add(recorderState);
        JPanel replay = new JPanel(new BorderLayout(8, 0));
        replay.add(replayState, BorderLayout.CENTER);
        replayBar.setStringPainted(true);
        replay.add(replayBar, BorderLayout.EAST);
        status.add(replay);
        JPanel exporting = new JPanel(new BorderLayout(8, 0));
        exporting.add(exportState, BorderLayout.CENTER);
        exportBar.setStringPainted(true);
        exporting.add(exportBar, BorderLayout.EAST);
        status.add(exporting);
        return status;
    }

    /** On the EDT: the recordings as the watch found them; selections stay on their files. */
    private void show(List<RecordingSummary> summaries) {
        readProblem = "";
        model.merge(summaries, summary -> summary.file().path());
        enableButtons();
    }

    private List<RecordingSummary> selected() {
        List<RecordingSummary> chosen = new ArrayList<>();
        for (int row : table.getSelectedRows()) {
            chosen.add(model.row(table.convertRowIndexToModel(row)));
        }
        return chosen;
    }

    private void enableButtons() {
        play.setEnabled(selected().stream().anyMatch(summary -> summary.file().kind() == Kind.SAMPLES));
    }

    private void play() {
        List<RecordingSummary> chosen = selected().stream().filter(s -> s.file().kind() == Kind.SAMPLES).toList();
        if (chosen.isEmpty()) {
            return;
        }
        // one day at a time: the day's parts play as one recording
        String what = chosen.size() == 1 ? chosen.get(0).file().path().toString() : chosen.get(0).file().day().toString();
        ReplaySpeed chosenSpeed = ReplaySpeed.parse((String) speed.getSelectedItem());
        new SwingWorker<ReplayProgress, Void>() {
            @Override
            protected ReplayProgress doInBackground() throws IOException {
                return replayer.start(what, chosenSpeed);
            }

            @Override
            protected void done() {
                try {
                    get();
                } catch (ExecutionException e) {
                    replayState.setText("replay: " + e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void export() {
        ExportDialog dialog = new ExportDialog(SwingUtilities.getWindowAncestor(this), selected().isEmpty() ? model.rows() : selected(),
                dataFolder);
        ExportRequest request = dialog.ask();
        if (request == null) {
            return;
        }
        exportCancelled.set(false);
        export.setEnabled(false);
        cancelExport.setEnabled(true);
        exportState.setText("exporting to " + request.target() + "…");
        new SwingWorker<CsvExporter.Result, Double>() {
            @Override
            protected CsvExporter.Result doInBackground() throws IOException {
                return new CsvExporter(recorder.recordings(), ZoneId.systemDefault()).export(request, this::publish, exportCancelled::get);
            }

            @Override
            protected void process(List<Double> progress) {
                exportBar.setValue((int) Math.round(progress.get(progress.size() - 1) * 1000));
            }

            @Override
            protected void done() {
                export.setEnabled(true);
                cancelExport.setEnabled(false);
                try {
                    exportState.setText(get().text());
                    exportBar.setValue(1000);
                } catch (ExecutionException e) {
                    exportState.setText("export failed: " + e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void showProgress() {
        var status = recorder.status();
        recorderState.setText("Recorder: " + status.state() + " · " + status.samplesWritten() + " samples written · queue "
                + status.queued() + " · dropped " + (status.droppedFull() + status.droppedFailed())
                + (status.problem().isEmpty() ? "" : " · " + status.problem()) + (readProblem.isEmpty() ? "" : " · " + readProblem));
        ReplayProgress progress = replayer.progress();
        replayState.setText(progress.text());
        replayBar.setValue((int) Math.round(progress.fraction() * 1000));
        pause.setText(progress.state().equals("paused") ? "Resume" : "Pause");
        pause.setEnabled(progress.running());
        stop.setEnabled(progress.running());
    }

    void dispose() {
        poll.stop();
        watch.stop();
        exportCancelled.set(true);
    }
}
