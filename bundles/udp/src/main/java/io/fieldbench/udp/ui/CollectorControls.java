package io.fieldbench.udp.ui;

import java.awt.BorderLayout;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;

import io.fieldbench.server.support.ServerControl;
import io.fieldbench.udp.internal.CollectorSettings;
import io.fieldbench.udp.internal.CollectorStatus;
import io.fieldbench.udp.internal.ReplyMode;
import io.fieldbench.udp.internal.StatusText;
import io.fieldbench.udp.internal.UdpCollector;

import io.fieldbench.view.support.ListenOn;
import io.fieldbench.view.support.WrapLayout;

/**
 * The top of the Collector view: where it listens, Start and Stop, decoder, encoding and reply,
 * and the live counters, read from the collector ~4 times a second.
 * <p>
 * A setting changed here is written to {@code etc/io.fieldbench.udp.cfg} (through the settings
 * writer, off the EDT): the file is the one home of a setting, so the view, the Settings view, a
 * text editor and {@code --set} never disagree, and the choice survives a restart. The fields
 * show the settings in force, so an edit of the file shows here within a second or two. Start and
 * Stop are for the moment, as {@code udp:start} and {@code udp:stop}; the collector does them on
 * its own thread and the buttons wait without blocking the EDT.
 */
final class CollectorControls extends JPanel {

    /** About 4 refreshes a second: counters a person can read. */
    static final int REFRESH_INTERVAL_MS = 250;
    private static final int TEMPLATE_COLUMNS = 14;
    private static final int GAP = 6;

    private final UdpCollector collector;
    private final Function<Map<String, String>, CompletableFuture<Void>> saveSettings;
    private final Consumer<Charset> encodingShown;
    private final ListenOn listenOn;
    private final JButton start = new JButton("Start");
    private final JButton stop = new JButton("Stop");
    private final JTextArea state = messageLine();
    private final DefaultComboBoxModel<String> decoderChoices = new DefaultComboBoxModel<>();
    private final JComboBox<String> decoder = new JComboBox<>(decoderChoices);
    private final JComboBox<Charset> charset = new JComboBox<>(CollectorSettings.CHARSETS.toArray(Charset[]::new));
    private final JComboBox<ReplyMode> reply = new JComboBox<>(ReplyMode.values());
    private final JTextField ackTemplate = new JTextField(TEMPLATE_COLUMNS);
    private final CountersPanel counters = new CountersPanel();
    private final JTextArea note = messageLine();
    private final Timer refresh = new Timer(REFRESH_INTERVAL_MS, e -> refresh());
    private CollectorSettings shownSettings;
    private List<String> shownDecoders = List.of();
    private boolean loading;
    private boolean switching;

    /**
     * @param saveSettings  writes settings to the collector's file off the EDT; completes when written
     * @param encodingShown told the collector's encoding when it changes, for the traffic log
     */
    CollectorControls(UdpCollector collector, Function<Map<String, String>, CompletableFuture<Void>> saveSettings,
            Consumer<Charset> encodingShown) {
        this.collector = collector;
        this.saveSettings = saveSettings;
        this.encodingShown = encodingShown;
        this.listenOn = new ListenOn("The UDP port devices send to", "<data>/etc/" + UdpCollector.PID + ".cfg",
                values -> saveSettings.apply(values).join(), this::showNote);
        setLayout(new BoxLayout(this, BoxLayout.PAGE_AXIS));
        setBorder(BorderFactory.createEmptyBorder(GAP / 2, GAP, GAP / 2, GAP));
        add(row(listenOn, WrapLayout.together(start, stop)));
        add(row(WrapLayout.together(new JLabel("Decoder"), decoder), WrapLayout.together(new JLabel("Encoding"), charset),
                WrapLayout.together(new JLabel("Reply"), reply), WrapLayout.together(new JLabel("Ack template"), ackTemplate)));
        counters.setAlignmentX(LEFT_ALIGNMENT);
        add(counters);
        // the status lines wrap, so they come after every control: a longer status never moves a button
        add(line(state));
        add(line(note));
        note.getParent().setVisible(false);
        wire();
        refresh();
        refresh.start();
    }

    /** A line of groups that wraps when the view is narrow. */
    private static JPanel row(JComponent... groups) {
        JPanel row = new JPanel(new WrapLayout(GAP));
        for (JComponent group : groups) {
            row.add(group);
        }
        row.setAlignmentX(LEFT_ALIGNMENT);
        return row;
    }

    /** A message that wraps at the view's width rather than being cut: a port-in-use line is long. */
    private static JTextArea messageLine() {
        JTextArea message = new JTextArea(" ");
        message.setEditable(false);
        message.setLineWrap(true);
        message.setWrapStyleWord(true);
        message.setOpaque(false);
        message.setBorder(BorderFactory.createEmptyBorder());
        message.setFont(UIManager.getFont("Label.font"));
        return message;
    }

    private static JPanel line(JComponent message) {
        JPanel line = new JPanel(new BorderLayout());
        line.setBorder(BorderFactory.createEmptyBorder(0, GAP, GAP / 2, GAP));
        line.add(message, BorderLayout.CENTER);
        line.setAlignmentX(LEFT_ALIGNMENT);
        return line;
    }


    private void wire() {
        start.setToolTipText("Listen now (udp:start); the 'enabled' setting decides about the next start of the bench");
        stop.setToolTipText("Stop listening now and free the port (udp:stop)");
        start.addActionListener(e -> switchCollector(collector::start));
        stop.addActionListener(e -> switchCollector(collector::stop));
        decoder.setToolTipText("auto: the first decoder that reads the datagram, by service ranking");
        decoder.addActionListener(e -> save("decoder", (String) decoder.getSelectedItem()));
        charset.setToolTipText("How devices encode text: decoders and ack replies use it");
        charset.addActionListener(e -> save("charset", ((Charset) charset.getSelectedItem()).name()));
        reply.setToolTipText("Send back nothing, the datagram itself (echo), or the ack template");
        reply.setRenderer(new ReplyModeRenderer());
        reply.addActionListener(e -> save("reply", ((ReplyMode) reply.getSelectedItem()).setting()));
        ackTemplate.setToolTipText("The ack reply; %s stands for the datagram's own bytes (echo %s: echo and the data; without %s a fixed answer). Enter saves it");
        ackTemplate.addActionListener(e -> save("ack.template", ackTemplate.getText()));
    }

    private void save(String key, String value) {
        if (!loading && value != null) {
            saveAll(Map.of(key, value));
        }
    }

    private void saveAll(Map<String, String> values) {
        showNote("Saving to <data>/etc/" + UdpCollector.PID + ".cfg …", false);
        saveSettings.apply(values).whenComplete((done, failure) -> SwingUtilities.invokeLater(() -> showNote(failure == null
                ? "Saved to <data>/etc/" + UdpCollector.PID + ".cfg; the collector applies it within a second or two"
                : "Could not save the setting: " + rootMessage(failure), failure != null)));
    }

    private void switchCollector(Supplier<CompletableFuture<CollectorStatus>> change) {
        switching = true;
        start.setEnabled(false);
        stop.setEnabled(false);
        change.get().whenComplete((status, failure) -> SwingUtilities.invokeLater(() -> {
            switching = false;
            if (failure != null) {
                showNote("The collector could not switch: " + rootMessage(failure), true);
            }
            refresh();
        }));
    }

    private void refresh() {
        CollectorStatus status = collector.status();
        showState(status);
        counters.show(status);
        if (!status.settings().equals(shownSettings) || !status.decoders().equals(shownDecoders)) {
            load(status.settings(), status.decoders());
        }
    }

    private void showState(CollectorStatus status) {
        String headline = StatusText.headline(status);
        if (!headline.equals(state.getText())) {
            state.setText(headline);
            state.setForeground(status.running() ? Colors.ok()
                    : status.problem().isEmpty() ? UIManager.getColor("Label.foreground") : Colors.error());
        }
        if (!switching) {
            start.setEnabled(status.state() == ServerControl.State.STOPPED);
            stop.setEnabled(status.state() == ServerControl.State.RUNNING);
        }
    }

    /** Shows the settings in force, without saving them back. */
    private void load(CollectorSettings settings, List<String> decoders) {
        loading = true;
        try {
            listenOn.show(settings.bindAddress(), settings.port());
            List<String> choices = new ArrayList<>();
            choices.add(CollectorSettings.AUTO);
            choices.addAll(decoders);
            if (!choices.contains(settings.decoder())) {
                choices.add(settings.decoder());
            }
            decoderChoices.removeAllElements();
            decoderChoices.addAll(choices);
            decoder.setSelectedItem(settings.decoder());
            charset.setSelectedItem(settings.charset());
            reply.setSelectedItem(settings.reply());
            if (shownSettings == null || !Objects.equals(settings.ackTemplate(), shownSettings.ackTemplate())) {
                ackTemplate.setText(settings.ackTemplate());
            }
            if (shownSettings == null || !settings.charset().equals(shownSettings.charset())) {
                encodingShown.accept(settings.charset());
            }
            if (!settings.problems().isEmpty()) {
                showNote("Settings: " + String.join("; ", settings.problems()), true);
            }
        } finally {
            loading = false;
        }
        shownSettings = settings;
        shownDecoders = decoders;
    }

    private void showNote(String text, boolean problem) {
        note.setText(text);
        note.getParent().setVisible(true);
        note.setForeground(problem ? Colors.error() : UIManager.getColor("Label.disabledForeground"));
    }


    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    /** Stops refreshing; the view is going away. */
    void stop() {
        refresh.stop();
    }
}
