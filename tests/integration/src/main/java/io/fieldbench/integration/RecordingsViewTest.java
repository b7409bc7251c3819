package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Window;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.table.TableModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.api.settings.BenchProperties;
import io.fieldbench.api.workbench.Workbench;

/**
 * The Recordings view with the real recorder: samples posted as decoded appear in the list by
 * themselves, and the list follows the file as it grows, without Refresh; Export proposes a file
 * in the data folder. Needs a display.
 */
@ExtendWith(NeedsDisplay.class)
class RecordingsViewTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    private static final String VIEW = "recordings";
    /** The Recordings table's columns (bundles/recorder RecordingCells). */
    private static final String RECORDS = "Records";
    private static final String DEVICES = "Devices";
    /** The export dialog's file field (bundles/recorder ExportDialog). */
    private static final String EXPORT_FILE = "export-file";

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    EventAdmin events;

    @InjectBundleContext
    BundleContext context;

    @Test
    void recordedSamplesShowByThemselvesAndTheirCountGrows() throws Exception {
        Component view = WorkbenchUi.show(workbench, VIEW);
        String device = "rec-" + UUID.randomUUID().toString().substring(0, 8);
        JTable table = WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(view, JTable.class).get(0));

        post(device, 0, 3);
        Poll.until("the recording of " + device + " listed with 3 records, without Refresh",
                () -> records(table, device).filter(records -> records >= 3).isPresent());
        long before = records(table, device).orElseThrow();
        post(device, 3, 4);
        Poll.until("the listed record count grows by the 4 samples posted since",
                () -> records(table, device).filter(records -> records >= before + 4).isPresent());
    }

    @Test
    void exportProposesANewFileInTheDataFolder() {
        Component view = WorkbenchUi.show(workbench, VIEW);
        JButton export = WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(view, JButton.class).stream()
                .filter(button -> "Export CSV…".equals(button.getText())).findFirst().orElseThrow());
        SwingUtilities.invokeLater(export::doClick);  // the dialog is modal: later, or this thread waits for it
        Poll.until("the export dialog opens", () -> dialogField().isPresent());
        JTextField file = dialogField().orElseThrow();
        String proposed = WorkbenchUi.onEdt(file::getText);
        WorkbenchUi.click(WorkbenchUi.onEdt(() -> cancel(file)));
        Poll.until("the export dialog closes", () -> dialogField().isEmpty());

        Path data = Path.of(context.getProperty(BenchProperties.DATA));
        assertTrue(Path.of(proposed).getParent().equals(data), "in the data folder " + data + ": " + proposed);
        assertTrue(proposed.endsWith(".csv"), proposed);
    }

    /** Posts samples {@code from} .. {@code from + count - 1} of the device as the collector does. */
    private void post(String device, int from, int count) {
        List<Sample> samples = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            samples.add(new Sample(device, new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000), Instant.now(), "text",
                    OptionalLong.of(i), Map.of("temp", 20.0 + i), Map.of(), 20));
        }
        events.postEvent(new Event(SampleEvents.DECODED, Map.of(SampleEvents.SAMPLES, samples)));
    }

    /** The records of the listed file whose devices include this one. */
    private static Optional<Long> records(JTable table, String device) {
        return WorkbenchUi.onEdt(() -> {
            TableModel model = table.getModel();
            int devices = column(model, DEVICES);
            int records = column(model, RECORDS);
            for (int row = 0; row < model.getRowCount(); row++) {
                if (String.valueOf(model.getValueAt(row, devices)).contains(device)) {
                    return Optional.of((Long) model.getValueAt(row, records));
                }
            }
            return Optional.empty();
        });
    }

    private static int column(TableModel model, String name) {
        for (int i = 0; i < model.getColumnCount(); i++) {
            if (name.equals(model.getColumnName(i))) {
                return i;
            }
        }
        throw new AssertionError("the Recordings table has no column " + name);
    }

    /** The export dialog's file field, while the dialog shows. */
    private static Optional<JTextField> dialogField() {
        return WorkbenchUi.onEdt(() -> {
            for (Window window : Window.getWindows()) {
                Optional<Component> field = WorkbenchUi.find(window, WorkbenchUi.named(EXPORT_FILE).and(Component::isShowing));
                if (field.isPresent()) {
                    return Optional.of((JTextField) field.get());
                }
            }
            return Optional.empty();
        });
    }

    private static AbstractButton cancel(Component inDialog) {
        return WorkbenchUi.findAll(SwingUtilities.getWindowAncestor(inDialog), JButton.class).stream()
                .filter(button -> "Cancel".equals(button.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("the export dialog has no Cancel"));
    }
}
