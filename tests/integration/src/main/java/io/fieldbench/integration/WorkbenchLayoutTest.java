package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JMenuItem;
import javax.swing.JTabbedPane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.fieldbench.api.workbench.Workbench;

/**
 * The dock layout outlives the shell: a view the user closed stays closed when the shell bundle
 * starts again, the others come back, and the View menu opens the closed one. Needs a display (CI
 * runs the build under xvfb-run); skipped without one.
 */
@ExtendWith(NeedsDisplay.class)
class WorkbenchLayoutTest {

    private static final String SHELL_BUNDLE = "io.fieldbench.shell";
    private static final String LAYOUT_FILE = "layout.xml";
    private static final String MODULES = "modules";
    private static final String LOG = "log";
    private static final String SETTINGS = "settings";
    private static final String SETTINGS_TITLE = "Settings";
    private static final String MODULES_TITLE = "Modules";
    private static final String LOG_TITLE = "Log";
    private static final String MAXIMIZE = "Maximize";
    /** The closed views of a Modern Docking layout file: {@code <undocked>} with one {@code <simple persistentID=…>} each. */
    private static final Pattern UNDOCKED = Pattern.compile("<undocked>(.*?)</undocked>", Pattern.DOTALL);

    @InjectBundleContext
    BundleContext context;

    @BeforeEach
    void workbenchShowsTheBuiltInViews() {
        Poll.until("the workbench window is open (Workbench service registered)", () -> workbench() != null);
        // other tests' views (charts, the collector) dock in the centre too and may have put their
        // tab in front of settings: bring it to the front, as the View menu does
        for (String view : List.of(MODULES, LOG, SETTINGS)) {
            Poll.until("view " + view + " shows in the workbench window", () -> {
                if (!WorkbenchUi.isShowing(view)) {
                    workbench().showView(view);
                    WorkbenchUi.onEdt(() -> null);  // let the EDT dock it before looking
                }
                return WorkbenchUi.isShowing(view);
            });
        }
    }

    /** Leaves the workbench as the other tests expect it: the shell running, every built-in view open. */
    @AfterEach
    void reopenSettings() throws BundleException {
        Bundle shell = shellBundle();
        if (shell.getState() != Bundle.ACTIVE) {
            shell.start();
        }
        Poll.until("the workbench window is open again", () -> workbench() != null);
        Poll.until("view " + SETTINGS + " shows again after Workbench.showView", () -> {
            Workbench workbench = workbench();
            if (workbench != null && !WorkbenchUi.isShowing(SETTINGS)) {
                workbench.showView(SETTINGS);
                WorkbenchUi.onEdt(() -> null);  // let the EDT dock it before looking
            }
            return WorkbenchUi.isShowing(SETTINGS);
        });
    }

    @Test
    void aViewMaximizedFromItsHeaderFillsTheWindowAndGoesBackToItsPlace() {
        // given: the log shows (settings may be in front of it in their tab group)
        workbench().showView(LOG);
        Poll.until("view " + LOG + " shows", () -> WorkbenchUi.isShowing(LOG));

        // when: the user chooses Maximize in the options menu of the log's header
        WorkbenchUi.click(optionsButtonOf(LOG, LOG_TITLE));
        JMenuItem maximize = optionsMenuItem(MAXIMIZE);
        assertTrue(WorkbenchUi.onEdt(maximize::isEnabled), "Maximize can be chosen");
        WorkbenchUi.click(maximize);

        // then: the log fills the window, the others make room
        Poll.until("the other views leave the window while the log is maximized", () -> !WorkbenchUi.isShowing(MODULES));
        assertTrue(WorkbenchUi.isShowing(LOG), "the maximized log shows");

        // when: the user chooses Maximize again
        WorkbenchUi.click(optionsButtonOf(LOG, LOG_TITLE));
        WorkbenchUi.click(optionsMenuItem(MAXIMIZE));

        // then
        Poll.until("the other views come back when the log is restored", () -> WorkbenchUi.isShowing(MODULES));
        assertTrue(WorkbenchUi.isShowing(LOG), "the restored log shows");
    }

    @Test
    void aClosedViewReopensAtItsOldTabInItsGroupAfterARestart() throws BundleException {
        // given: the shell restarted, so the tab groups come from the saved layout
        Bundle shell = shellBundle();
        shell.stop();
        shell.start();
        Poll.until("the workbench window opens again when the shell starts", () -> workbench() != null);
        // given: log and settings share a tab group; the one of them further left is not the last tab
        for (String arrived : List.of(SETTINGS, LOG)) {
            Poll.until("view " + arrived + " shows after the restart", () -> {
                workbench().showView(arrived);
                return WorkbenchUi.isShowing(arrived);
            });
        }
        List<String> before = tabTitlesAround(LOG);
        boolean logFirst = before.indexOf(LOG_TITLE) < before.indexOf(SETTINGS_TITLE);
        String view = logFirst ? LOG : SETTINGS;
        String title = logFirst ? LOG_TITLE : SETTINGS_TITLE;
        Poll.until("view " + view + " shows", () -> {
            workbench().showView(view);
            return WorkbenchUi.isShowing(view);
        });

        // when: the user closes it and opens it again
        WorkbenchUi.click(closeButtonOf(view, title));
        Poll.until("view " + view + " leaves the window", () -> !WorkbenchUi.isShowing(view));
        workbench().showView(view);

        // then: it is back at its old tab, not at the end of the group
        Poll.until("view " + view + " shows again", () -> WorkbenchUi.isShowing(view));
        assertEquals(before, tabTitlesAround(view), "the tabs of the group, in order");
    }

    private static List<String> tabTitlesAround(String viewId) {
        return WorkbenchUi.onEdt(() -> {
            JTabbedPane tabs = WorkbenchUi.tabsAround(viewId);
            assertNotNull(tabs, () -> viewId + " shows in a tab group");
            List<String> titles = new ArrayList<>();
            for (int i = 0; i < tabs.getTabCount(); i++) {
                titles.add(tabs.getTitleAt(i));
            }
            return titles;
        });
    }

    /** The item of the options menu that shows now, in the workbench window or a popup window it owns. */
    private static JMenuItem optionsMenuItem(String text) {
        Poll.until("the options menu shows " + text, () -> showingMenuItem(text) != null);
        return showingMenuItem(text);
    }

    private static JMenuItem showingMenuItem(String text) {
        return WorkbenchUi.onEdt(() -> {
            for (Window window : Window.getWindows()) {
                var item = WorkbenchUi.find(window, c -> c instanceof JMenuItem menuItem && text.equals(menuItem.getText()) && c.isShowing());
                if (item.isPresent()) {
                    return (JMenuItem) item.get();
                }
            }
            return null;
        });
    }

    @Test
    void aClosedViewStaysClosedWhenTheShellRestartsAndTheViewMenuReopensIt() throws Exception {
        // given: the workbench shows modules, log and settings (checked before each test)
        JFrame before = WorkbenchUi.frameShowing(MODULES);

        // when: the user closes settings with the close button in its header
        WorkbenchUi.click(closeButtonOf(SETTINGS, SETTINGS_TITLE));

        // then
        Poll.until("view " + SETTINGS + " leaves the window when its close button is clicked", () -> !WorkbenchUi.isShowing(SETTINGS));
        assertTrue(WorkbenchUi.isShowing(MODULES) && WorkbenchUi.isShowing(LOG), "closing settings leaves the other views open");

        // when: the shell bundle stops and starts again, as when the bench restarts
        Bundle shell = shellBundle();
        shell.stop();

        // then: the layout was saved, with settings among the closed views
        Path layout = layoutFile();
        assertTrue(Files.isRegularFile(layout), () -> "the shell saves its layout in " + layout + " when it stops");
        assertTrue(closedViews(layout).contains("persistentID=\"" + SETTINGS + "\""),
                () -> "the saved layout lists " + SETTINGS + " as closed: " + read(layout));

        // when
        shell.start();

        // then: a new window shows modules and log as before, and settings is back in the View menu but closed
        Poll.until("the workbench window opens again when the shell starts", () -> workbench() != null);
        Poll.until("view " + MODULES + " shows again after the restart", () -> WorkbenchUi.isShowing(MODULES));
        Poll.until("view " + LOG + " shows again after the restart", () -> WorkbenchUi.isShowing(LOG));
        JFrame after = WorkbenchUi.frameShowing(MODULES);
        assertNotSame(before, after, "the restarted shell opens a new workbench window");
        Poll.until("the View menu lists " + SETTINGS_TITLE + " once its view arrived",
                () -> WorkbenchUi.viewMenuItem(after, SETTINGS_TITLE).isPresent());
        JMenuItem settingsItem = WorkbenchUi.viewMenuItem(after, SETTINGS_TITLE).orElseThrow();
        assertFalse(WorkbenchUi.onEdt(settingsItem::isSelected), "the View menu shows " + SETTINGS_TITLE + " as closed");
        assertFalse(WorkbenchUi.isShowing(SETTINGS), "the view the user closed stays closed after the restart");
        assertTrue(WorkbenchUi.onEdt(() -> WorkbenchUi.viewMenuItem(after, MODULES_TITLE).orElseThrow().isSelected()),
                "the View menu shows Modules as open");

        // when: the user chooses Settings in the View menu
        WorkbenchUi.click(settingsItem);

        // then
        Poll.until("view " + SETTINGS + " shows again when chosen in the View menu", () -> WorkbenchUi.isShowing(SETTINGS));
        assertTrue(WorkbenchUi.onEdt(() -> WorkbenchUi.viewMenuItem(after, SETTINGS_TITLE).orElseThrow().isSelected()),
                "the View menu shows " + SETTINGS_TITLE + " as open again");
    }

    /** The close button (×): the last of the view's header buttons (the one before it opens the options menu). */
    private static JButton closeButtonOf(String viewId, String title) {
        List<JButton> buttons = WorkbenchUi.headerButtons(viewId, title);
        return buttons.get(buttons.size() - 1);
    }

    /** The header button that opens the view's options menu (Maximize, Float, Auto Hide…). */
    private static JButton optionsButtonOf(String viewId, String title) {
        List<JButton> buttons = WorkbenchUi.headerButtons(viewId, title);
        return buttons.get(buttons.size() - 2);
    }

    /** The workbench service registered now, or null while the shell has no window. */
    private Workbench workbench() {
        ServiceReference<Workbench> reference = context.getServiceReference(Workbench.class);
        return reference == null ? null : context.getService(reference);
    }

    private Bundle shellBundle() {
        return Arrays.stream(context.getBundles()).filter(b -> SHELL_BUNDLE.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(SHELL_BUNDLE + " is not installed"));
    }

    private Path layoutFile() {
        return Path.of(context.getProperty("fieldbench.data")).resolve(LAYOUT_FILE);
    }

    private static String closedViews(Path layout) {
        Matcher undocked = UNDOCKED.matcher(read(layout));
        return undocked.find() ? undocked.group(1) : "";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
