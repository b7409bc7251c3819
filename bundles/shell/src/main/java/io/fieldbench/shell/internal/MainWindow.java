package io.fieldbench.shell.internal;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;

import javax.swing.JFrame;
import javax.swing.JMenuBar;
import javax.swing.JTabbedPane;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;

import org.osgi.service.log.Logger;

import com.formdev.flatlaf.FlatDarkLaf;

import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.shell.internal.help.BenchInfo;
import io.fieldbench.shell.internal.help.FileMenu;
import io.github.andrewauclair.moderndocking.api.DockingAPI;
import io.github.andrewauclair.moderndocking.app.Docking;
import io.github.andrewauclair.moderndocking.app.RootDockingPanel;
import io.github.andrewauclair.moderndocking.ext.ui.DockingUI;
import io.github.andrewauclair.moderndocking.settings.Settings;

/**
 * The Swing side of the workbench: the main frame with its docking area and menus. Create and use
 * it on the EDT only.
 */
final class MainWindow {

    static final String TITLE = "Fieldbench";
    static final Dimension DEFAULT_SIZE = new Dimension(1280, 800);
    /** How long a place in the saved layout waits for its view's bundle before it is given up. */
    static final int ABSENT_VIEW_GRACE_MS = 5_000;

    private final JFrame frame;
    private final DockingAPI docking;
    private final ViewDock dock;
    private final LayoutStore layout;
    private final FileMenu fileMenu;
    private final Timer dropAbsentViews;

    /**
     * Shows the window with the layout saved last time.
     *
     * @param layoutFile   where the dock layout lives
     * @param bench        what About tells
     * @param helpHtml     what Help shows
     * @param closeRequest what to do when the user closes the window (the layout is saved already)
     */
    static MainWindow open(File layoutFile, BenchInfo bench, String helpHtml, Runnable closeRequest, Logger logger) {
        // by class name the look and feel would be looked up through the launcher's class loader
        FlatDarkLaf.setup();
        return new MainWindow(layoutFile, bench, helpHtml, closeRequest, logger);
    }

    private MainWindow(File layoutFile, BenchInfo bench, String helpHtml, Runnable closeRequest, Logger logger) {
        frame = new JFrame(TITLE);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.setSize(DEFAULT_SIZE);
        frame.setLocationRelativeTo(null);

        // tabs wrap into rows rather than scroll: with many views every tab's title stays whole and in sight;
        // and the rows stay in place when a tab of another row is chosen, so no tab moves under the mouse
        Settings.setTabLayoutPolicy(JTabbedPane.WRAP_TAB_LAYOUT);
        UIManager.put("TabbedPane.rotateTabRuns", false);
        Docking.initialize(frame);
        DockingUI.initialize();
        docking = Docking.getSingleInstance();
        frame.getContentPane().add(new RootDockingPanel(frame), BorderLayout.CENTER);

        dock = new ViewDock(docking, frame, logger);
        layout = new LayoutStore(docking, layoutFile, logger);
        fileMenu = new FileMenu(frame, bench, helpHtml);
        frame.setJMenuBar(menuBar());
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                // when the user sees the window: the start-up benchmark times the window by this line's time
                logger.info("Workbench window open");
            }

            @Override
            public void windowClosing(WindowEvent e) {
                close();
                closeRequest.run();
            }
        });

        layout.load().ifPresent(dock::restore);
        dropAbsentViews = new Timer(ABSENT_VIEW_GRACE_MS, e -> dock.dropWaiting());
        dropAbsentViews.setRepeats(false);
        dropAbsentViews.start();

        frame.setVisible(true);
        layout.follow();
    }

    private JMenuBar menuBar() {
        ViewMenu views = new ViewMenu(docking, dock::views, dock::show);
        views.setMnemonic(KeyEvent.VK_V);

        JMenuBar bar = new JMenuBar();
        bar.add(fileMenu);
        bar.add(views);
        return bar;
    }

    void viewArrived(WorkbenchView view, DockPosition position) {
        dock.add(view, position);
    }

    void viewLeft(WorkbenchView view) {
        dock.remove(view);
    }

    void show(String viewId) {
        dock.show(viewId);
    }

    /**
     * Saves the layout and hides the window: views that leave from here on leave because the
     * shell or the bench stops, and neither the layout nor the user should see them go one by one.
     */
    void close() {
        layout.freeze();
        frame.setVisible(false);
    }

    void dispose() {
        dropAbsentViews.stop();
        fileMenu.stop();
        dock.clear();
        frame.dispose();
        Docking.uninitialize();
    }
}
