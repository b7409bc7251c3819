package io.fieldbench.shell.ui.settings;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.HierarchyEvent;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;

import io.fieldbench.shell.ui.ListBesideDetail;
import io.fieldbench.shell.ui.Palette;

/**
 * The Settings view: configurable components on the left, the selected one's generated form on the
 * right, Apply and Revert below, and one status line. MetaType and ConfigurationAdmin are only
 * called on the worker; their answers come back to the EDT.
 */
final class SettingsPanel extends JPanel {

    /** Bundles often come and go in bursts; the list is read again once they settle. */
    static final int REFRESH_DELAY_MS = 500;
    private static final int LIST_WIDTH = 260;
    private static final int LIST_MINIMUM_WIDTH = 180;
    private static final int GAP = 6;

    private final ComponentSettings settings;
    private final Executor worker;
    private final DefaultListModel<ConfigurableComponent> components = new DefaultListModel<>();
    private final JList<ConfigurableComponent> list = new JList<>(components);
    private final JScrollPane formArea = new JScrollPane();
    private final JButton apply = new JButton("Apply");
    private final JButton revert = new JButton("Revert");
    private final JLabel status = new JLabel(" ");
    private final Timer refreshLater = new Timer(REFRESH_DELAY_MS, e -> refresh());
    private SettingsForm form;

    SettingsPanel(ComponentSettings settings, Executor worker) {
        super(new BorderLayout());
        this.settings = settings;
        this.worker = worker;
        refreshLater.setRepeats(false);

        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                load(list.getSelectedValue());
            }
        });
        formArea.setBorder(BorderFactory.createEmptyBorder());
        add(new ListBesideDetail(new JScrollPane(list), formArea, LIST_WIDTH, LIST_MINIMUM_WIDTH), BorderLayout.CENTER);
        add(buttons(), BorderLayout.SOUTH);
        enableButtons();

        // read the catalogue whenever the view comes into sight
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) {
                refresh();
            }
        });
    }

    private JPanel buttons() {
        JButton refresh = new JButton("Refresh");
        refresh.addActionListener(e -> refresh());
        revert.addActionListener(e -> load(list.getSelectedValue()));
        apply.addActionListener(e -> apply());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        buttons.add(refresh);
        buttons.add(revert);
        buttons.add(apply);
        status.setBorder(BorderFactory.createEmptyBorder(0, GAP, 0, GAP));
        JPanel bar = new JPanel(new BorderLayout());
        bar.add(status, BorderLayout.CENTER);
        bar.add(buttons, BorderLayout.EAST);
        return bar;
    }

    /** Bundles changed: read the list again once they settle. Any thread. */
    void bundlesChanged() {
        SwingUtilities.invokeLater(refreshLater::restart);
    }

    void stop() {
        refreshLater.stop();
    }

    private void refresh() {
        onWorker(settings::components, (found, failure) -> {
                    if (failure != null) {
                        showProblem("Cannot list the configurable components: " + reason(failure));
                    } else {
                        showComponents(found);
                    }
                });
    }

    private void showComponents(List<ConfigurableComponent> found) {
        if (identities(Collections.list(components.elements())).equals(identities(found))) {
            return; // keep the form and whatever the user typed into it
        }
        ConfigurableComponent selected = list.getSelectedValue();
        components.clear();
        components.addAll(found);
        found.stream().filter(c -> selected != null && c.pid().equals(selected.pid())).findFirst()
                .ifPresentOrElse(c -> list.setSelectedValue(c, true), () -> {
                    if (!found.isEmpty()) {
                        list.setSelectedIndex(0);
                    }
                });
    }

    private static List<String> identities(List<ConfigurableComponent> listed) {
        return listed.stream().map(c -> c.bundle() + '/' + c.pid() + '/' + c.name()).toList();
    }

    private void load(ConfigurableComponent component) {
        load(component, null);
    }

    /** Shows the component's stored values in a new form, then the message (or what the values are). */
    private void load(ConfigurableComponent component, String message) {
        if (component == null) {
            showForm(null);
            return;
        }
        onWorker(() -> values(component.pid()), (values, failure) -> {
                    ConfigurableComponent selected = list.getSelectedValue();
                    if (selected == null || !selected.pid().equals(component.pid())) {
                        return; // the user moved on
                    }
                    if (failure != null) {
                        showProblem("Cannot read the configuration of " + component.pid() + ": " + reason(failure));
                    } else {
                        showForm(new SettingsForm(component, values));
                        showInfo(message != null ? message
                                : values.isEmpty() ? "Defaults: " + component.pid() + " has no configuration yet" : " ");
                    }
                });
    }

    private Map<String, Object> values(String pid) {
        try {
            return settings.values(pid);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private void apply() {
        SettingsForm current = form;
        if (current == null) {
            return;
        }
        SettingsForm.Changes changes = current.collect();
        if (changes.changed().isEmpty() && changes.removed().isEmpty() && changes.problems().isEmpty()) {
            showInfo("Nothing changed");
            return;
        }
        if (!changes.problems().isEmpty()) {
            int more = changes.problems().size() - 1;
            showProblem(changes.problems().get(0) + (more > 0 ? " (and " + more + " more)" : ""));
            return;
        }
        String pid = current.pid();
        apply.setEnabled(false);
        onWorker(() -> write(pid, changes), (done, failure) -> {
                    enableButtons();
                    if (failure != null) {
                        showProblem("Cannot apply " + pid + ": " + reason(failure));
                    } else {
                        load(list.getSelectedValue(), "Applied " + pid);
                    }
                });
    }

    private Void write(String pid, SettingsForm.Changes changes) {
        try {
            settings.apply(pid, changes.changed(), changes.removed());
            return null;
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /** Runs the work on the worker and hands its outcome to the EDT; does nothing once the view is closing. */
    private <T> void onWorker(Supplier<T> work, BiConsumer<T, Throwable> outcome) {
        try {
            CompletableFuture.supplyAsync(work, worker)
                    .whenComplete((result, failure) -> SwingUtilities.invokeLater(() -> outcome.accept(result, failure)));
        } catch (RejectedExecutionException closing) {
            // the worker stopped with the view; nobody waits for the answer
        }
    }

    private void showForm(SettingsForm shown) {
        form = shown;
        formArea.setViewportView(shown);
        enableButtons();
    }

    private void enableButtons() {
        apply.setEnabled(form != null);
        revert.setEnabled(form != null);
    }

    private void showProblem(String text) {
        status.setForeground(Palette.error());
        status.setText(text);
        status.setToolTipText(text);
    }

    private void showInfo(String text) {
        status.setForeground(UIManager.getColor("Label.foreground"));
        status.setText(text);
        status.setToolTipText(null);
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return Objects.requireNonNullElse(cause.getMessage(), cause.toString());
    }
}
