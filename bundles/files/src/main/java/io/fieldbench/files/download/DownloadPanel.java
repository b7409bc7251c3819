package io.fieldbench.files.download;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingWorker;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.view.support.WrapLayout;

/**
 * The download client of the Files view: fetch a file by name from a file service (another
 * bench's, a device's, or this one's) and save it where the user chooses. The download runs on a
 * {@link SwingWorker}; the bar counts the bytes received (the protocol sends no size). EDT only.
 */
public final class DownloadPanel extends JPanel {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 7890;

    private final JTextField host = named(new JTextField(DEFAULT_HOST, 12), "download-host");
    private final JSpinner port = named(new JSpinner(new SpinnerNumberModel(DEFAULT_PORT, 1, Endpoints.MAX_PORT, 1)), "download-port");
    private final JTextField name = named(new JTextField(16), "download-name");
    private final JCheckBox newline = named(new JCheckBox("Newline", true), "download-newline");
    private final JTextField saveTo = named(new JTextField(24), "download-save");
    private final JButton download = named(new JButton("Download"), "download");
    private final JButton cancel = named(new JButton("Cancel"), "download-cancel");
    private final JProgressBar progress = named(new JProgressBar(), "download-progress");
    private final JLabel result = named(new JLabel(" "), "download-result");
    private FileDownload running;

    public DownloadPanel() {
        super(new WrapLayout());
        setBorder(BorderFactory.createTitledBorder("Download a file from a file service"));
        port.setEditor(new JSpinner.NumberEditor(port, "#"));
        JButton browse = new JButton("Browse…");
        browse.addActionListener(e -> chooseTarget());
        download.addActionListener(e -> start());
        cancel.addActionListener(e -> cancelRunning());
        cancel.setEnabled(false);
        progress.setStringPainted(true);
        progress.setString("");
        add(WrapLayout.together(new JLabel("Host"), host));
        add(WrapLayout.together(new JLabel("Port"), port));
        add(WrapLayout.together(new JLabel("Name"), name));
        newline.setToolTipText("End the name with a newline; off for servers that take the first segment as the name"
                + " (the Python tutorial's)");
        add(newline);
        add(WrapLayout.together(new JLabel("Save to"), saveTo, browse));
        add(download);
        add(cancel);
        add(progress);
        add(result);
    }

    private void chooseTarget() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Save the download as");
        String shown = saveTo.getText().isBlank() ? name.getText().strip() : saveTo.getText().strip();
        if (!shown.isEmpty()) {
            chooser.setSelectedFile(new File(shown));
        }
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            saveTo.setText(chooser.getSelectedFile().getAbsolutePath());
        }
    }

    private void start() {
        FileDownload next;
        try {
            if (saveTo.getText().isBlank()) {
                throw new IllegalArgumentException("choose where to save it (Save to…)");
            }
            next = new FileDownload(host.getText(), (Integer) port.getValue(), name.getText().strip(), newline.isSelected(),
                    Path.of(saveTo.getText().strip()));
        } catch (IllegalArgumentException e) {
            result.setText(e.getMessage());
            return;
        }
        running = next;
        download.setEnabled(false);
        cancel.setEnabled(true);
        progress.setIndeterminate(true);
        progress.setString("connecting");
        result.setText(" ");
        new Worker(next).execute();
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
        }
    }

    private void finished(String text) {
        running = null;
        download.setEnabled(true);
        cancel.setEnabled(false);
        progress.setIndeterminate(false);
        result.setText(text);
    }

    private static <T extends javax.swing.JComponent> T named(T component, String componentName) {
        component.setName(componentName);
        return component;
    }

    /** Downloads off the EDT and tells the panel, on the EDT, how far it got. */
    private final class Worker extends SwingWorker<Long, Long> {
        private final FileDownload job;

        Worker(FileDownload job) {
            this.job = job;
        }

        @Override
        protected Long doInBackground() throws IOException {
            return job.run(this::publish);
        }

        @Override
        protected void process(List<Long> received) {
            progress.setString(received.get(received.size() - 1) + " bytes");
        }

        @Override
        protected void done() {
            try {
                long size = get();
                progress.setString(size + " bytes");
                progress.setValue(progress.getMaximum());
                finished("saved " + size + " bytes to " + saveTo.getText().strip());
            } catch (ExecutionException e) {
                progress.setValue(0);
                progress.setString("failed");
                finished("not saved: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished("interrupted");
            }
        }
    }
}
