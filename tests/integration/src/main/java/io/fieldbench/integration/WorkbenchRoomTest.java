package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.ListModel;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;

/**
 * The workbench as a lab engineer first meets it, at the default window size: the Settings list is
 * readable and starts with the bench's own components, the Log shows a screenful of lines, and
 * Settings waits beside the Log instead of crowding the centre's tabs; and however many views the
 * centre holds in a narrow window, every tab's label shows whole. Needs a display (CI runs
 * the build under xvfb-run); skipped without one.
 */
@ExtendWith(NeedsDisplay.class)
class WorkbenchRoomTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    private static final String SETTINGS = "settings";
    private static final String LOG = "log";
    /** The MetaType names of the bench's components in this runtime, and the test probe's. */
    private static final Set<String> BENCH_COMPONENTS = Set.of("Charts", "Device registry", "File service", "Image relay",
            "MQTT bridge", "Recorder", "TCP chat server", "Text decoder", "UDP collector", "Test probe",
            "Test probe: sample ledger");
    /** A component's name of twenty-odd characters, "Apache Felix File Install", reads whole. */
    private static final int READABLE_LIST_WIDTH = 180;
    private static final int LOG_ROWS_IN_SIGHT = 8;
    private static final Dimension NARROW = new Dimension(1024, 700);
    /** With the views of this runtime, more tabs than one row of the centre holds at 1024 px. */
    private static final int EXTRA_VIEWS = 6;

    @InjectBundleContext
    BundleContext context;

    /** Held so that the test runs only while the window shows (the shell registers it with the window). */
    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    @Test
    void theSettingsListIsReadableAndStartsWithTheBenchsOwnComponents() {
        workbench.showView(SETTINGS);
        Poll.until("view " + SETTINGS + " shows its component list", () -> settingsList() != null);
        JList<?> list = settingsList();
        Poll.until("the settings list fills", () -> WorkbenchUi.onEdt(() -> list.getModel().getSize() > BENCH_COMPONENTS.size()));

        int width = WorkbenchUi.onEdt(() -> SwingUtilities.getAncestorOfClass(JScrollPane.class, list).getWidth());
        List<String> names = WorkbenchUi.onEdt(() -> names(list.getModel()));

        assertTrue(width >= READABLE_LIST_WIDTH, () -> "the settings list is " + width + " px wide");
        assertEquals("Charts", names.get(0), () -> "the list starts with the bench's own components: " + names);
        List<Boolean> own = names.stream().map(BENCH_COMPONENTS::contains).toList();
        assertTrue(own.lastIndexOf(true) < own.indexOf(false), () -> "the bench's own components come before the framework's: " + names);
    }

    @Test
    void theLogShowsAScreenfulOfLines() {
        workbench.showView(LOG);
        Poll.until("view " + LOG + " shows", () -> WorkbenchUi.isShowing(LOG));

        int rows = WorkbenchUi.onEdt(() -> {
            JTable table = WorkbenchUi.findAll(WorkbenchUi.showingView(LOG).orElseThrow(), JTable.class).get(0);
            return table.getParent().getHeight() / table.getRowHeight();
        });

        assertTrue(rows >= LOG_ROWS_IN_SIGHT, () -> "the log shows " + rows + " lines at the default window size");
    }

    @Test
    void settingsDocksBesideTheLogNotAmongTheCentresTabs() {
        workbench.showView(SETTINGS);
        Poll.until("view " + SETTINGS + " shows", () -> WorkbenchUi.isShowing(SETTINGS));

        JTabbedPane settingsTabs = WorkbenchUi.tabsAround(SETTINGS);
        workbench.showView(LOG);
        Poll.until("view " + LOG + " shows", () -> WorkbenchUi.isShowing(LOG));

        assertSame(settingsTabs, WorkbenchUi.tabsAround(LOG), "settings and log share one tab group");
    }

    @Test
    void everyTabLabelShowsWholeWhenTheCentreHasManyViewsInANarrowWindow() {
        List<ServiceRegistration<WorkbenchView>> extra = new ArrayList<>();
        WorkbenchUi.show(workbench, "udp");
        JFrame frame = WorkbenchUi.frameShowing("udp");
        Dimension before = WorkbenchUi.onEdt(frame::getSize);
        try {
            WorkbenchUi.onEdt(() -> {
                frame.setSize(NARROW);
                frame.validate();
                return null;
            });
            for (int i = 1; i <= EXTRA_VIEWS; i++) {
                extra.add(context.registerService(WorkbenchView.class, new NamedView("extra-" + i, "Extra chart " + i),
                        new Hashtable<>(Map.of(WorkbenchView.DOCK_POSITION, "center"))));
            }
            String last = "extra-" + EXTRA_VIEWS;
            WorkbenchUi.show(workbench, last);
            JTabbedPane centre = WorkbenchUi.tabsAround(last);

            List<String> cut = WorkbenchUi.onEdt(() -> {
                List<String> titles = new ArrayList<>();
                for (int tab = 0; tab < centre.getTabCount(); tab++) {
                    Rectangle bounds = centre.getBoundsAt(tab);
                    if (bounds == null || bounds.x < 0 || bounds.x + bounds.width > centre.getWidth()) {
                        titles.add(centre.getTitleAt(tab));
                    }
                }
                return titles;
            });
            assertEquals(List.of(), cut, "tabs cut or out of sight at " + NARROW.width + " px");
        } finally {
            extra.forEach(ServiceRegistration::unregister);
            // the next test must not see the tab rows change under it
            Poll.until("the extra views gone", () -> WorkbenchUi.viewIn(frame, "extra-1").isEmpty()
                    && WorkbenchUi.viewIn(frame, "extra-" + EXTRA_VIEWS).isEmpty());
            WorkbenchUi.onEdt(() -> {
                frame.setSize(before);
                frame.validate();
                return null;
            });
        }
    }

    /** A view with nothing in it: it takes a tab, as a user's new chart does. */
    private record NamedView(String id, String title) implements WorkbenchView {
        @Override
        public JComponent createComponent() {
            return new JLabel(title);
        }
    }

    private static JList<?> settingsList() {
        return WorkbenchUi.onEdt(() -> WorkbenchUi.showingView(SETTINGS)
                .flatMap(view -> WorkbenchUi.find(view, JList.class::isInstance)).map(JList.class::cast).orElse(null));
    }

    private static List<String> names(ListModel<?> model) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < model.getSize(); i++) {
            names.add(String.valueOf(model.getElementAt(i)));
        }
        return names;
    }
}
