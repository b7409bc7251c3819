package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Window;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.swing.JEditorPane;
import javax.swing.JFrame;
import javax.swing.JMenuItem;
import javax.swing.JTextField;
import javax.swing.text.BadLocationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.workbench.Workbench;

/**
 * The File menu tells the user where the bench keeps things and how to use it: About shows the
 * version, the data folder and the log file; Help shows the README's console commands and tutorial
 * table. Needs a display (CI runs the build under xvfb-run); skipped without one.
 */
@ExtendWith(NeedsDisplay.class)
class WorkbenchFileMenuTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    private static final String MODULES = "modules";

    @InjectBundleContext
    BundleContext context;

    /** Held so that the test runs only while the window shows (the shell registers it with the window). */
    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    private JFrame frame;

    @BeforeEach
    void workbenchShows() {
        workbench.showView(MODULES);
        Poll.until("view " + MODULES + " shows", () -> WorkbenchUi.isShowing(MODULES));
        frame = WorkbenchUi.frameShowing(MODULES);
    }

    @AfterEach
    void closeSideWindows() {
        WorkbenchUi.onEdt(() -> {
            for (Window owned : frame.getOwnedWindows()) {
                owned.setVisible(false);
            }
            return null;
        });
    }

    @Test
    void theFileMenuOffersAboutHelpTheDataFolderAndQuit() {
        List<String> texts = WorkbenchUi.onEdt(() -> fileItems().stream().map(JMenuItem::getText).toList());

        assertEquals(List.of("About Fieldbench", "Help", "Open data folder", "Quit"), texts);
    }

    @Test
    void aboutShowsTheVersionTheDataFolderAndTheLogFile() {
        WorkbenchUi.click(fileItem("About Fieldbench"));

        Window about = showingSideWindow("about");
        List<String> values = WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(about, JTextField.class).stream()
                .map(JTextField::getText).toList());
        Path data = Path.of(context.getProperty("fieldbench.data"));
        Bundle shell = bundle("io.fieldbench.shell");
        assertEquals(List.of(shell.getVersion().toString(), data.toString(),
                data.resolve("log").resolve("fieldbench.log").toString()), values);
    }

    @Test
    void helpShowsTheReadmesConsoleCommandsAndTutorialsAsTables() {
        WorkbenchUi.click(fileItem("Help"));

        Window help = showingSideWindow("help");
        String text = WorkbenchUi.onEdt(() -> {
            JEditorPane pane = WorkbenchUi.findAll(help, JEditorPane.class).get(0);
            try {
                return pane.getDocument().getText(0, pane.getDocument().getLength());
            } catch (BadLocationException e) {
                throw new AssertionError(e);
            }
        });
        for (String expected : List.of("fb:features", "udp:status", "fb:forget-devices --all|--offline|ID...",
                "PyQt UDP telemetry server", "WebSocket image transfer")) {
            assertTrue(text.contains(expected), () -> "Help shows " + expected + ": " + text);
        }
        assertFalse(text.contains("|---") || text.contains("`"), () -> "Help shows tables, not Markdown: " + text);
    }

    private Window showingSideWindow(String name) {
        Poll.until("the " + name + " window shows", () -> sideWindow(name).map(w -> WorkbenchUi.onEdt(w::isShowing)).orElse(false));
        return sideWindow(name).orElseThrow();
    }

    private Optional<Window> sideWindow(String name) {
        return WorkbenchUi.onEdt(() -> WorkbenchUi.find(frame, WorkbenchUi.named(name))
                .filter(Window.class::isInstance).map(Window.class::cast));
    }

    private JMenuItem fileItem(String text) {
        return WorkbenchUi.onEdt(() -> fileItems().stream().filter(item -> text.equals(item.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("the File menu has no " + text)));
    }

    /** EDT only. */
    private List<JMenuItem> fileItems() {
        return WorkbenchUi.itemsOf(WorkbenchUi.menu(frame, "File"));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
