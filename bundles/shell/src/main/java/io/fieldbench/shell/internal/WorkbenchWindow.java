package io.fieldbench.shell.internal;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.swing.SwingUtilities;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.fieldbench.api.settings.BenchProperties;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.shell.internal.help.BenchInfo;
import io.fieldbench.shell.internal.help.HelpText;

/**
 * Opens the workbench window unless the bench is headless, registers the {@link Workbench} service
 * while the window shows, and docks every {@link WorkbenchView} service (whiteboard). Closing the
 * window stops the framework, so the application exits.
 * <p>
 * The layout lives in {@code ${fieldbench.data}/layout.xml}. It is frozen before the framework stops
 * its bundles, because each stopping bundle takes its views out of the window.
 */
@Component
public final class WorkbenchWindow {
    static final String LAYOUT_FILE = "layout.xml";
    private static final long SYSTEM_BUNDLE = 0;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    /** Guards views and window, which view bindings and the lifecycle touch from different threads. */
    private final Object lock = new Object();
    private final Map<WorkbenchView, DockPosition> views = new LinkedHashMap<>();
    private MainWindow window;

    private BundleContext context;
    private ServiceRegistration<Workbench> registration;
    private final SynchronousBundleListener frameworkStopping = this::frameworkEvent;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        if (Boolean.parseBoolean(context.getProperty(BenchProperties.HEADLESS)) || GraphicsEnvironment.isHeadless()) {
            logger.info("Headless bench: no workbench window");
            return;
        }
        Path dataFolder = dataFolder(context);
        File layoutFile = dataFolder.resolve(LAYOUT_FILE).toFile();
        BenchInfo bench = new BenchInfo(context.getBundle().getVersion().toString(), dataFolder);
        String helpHtml = HelpText.html();
        MainWindow shown;
        try {
            shown = Edt.call(() -> MainWindow.open(layoutFile, bench, helpHtml, this::stopFramework, logger));
        } catch (AWTError | HeadlessException e) {
            logger.error("Cannot open the workbench window ({}); on a machine without a display start the bench"
                    + " with --headless", e.getMessage());
            return;
        }
        synchronized (lock) {
            window = shown;
            views.forEach((view, position) -> SwingUtilities.invokeLater(() -> shown.viewArrived(view, position)));
        }
        context.addBundleListener(frameworkStopping);
        Workbench workbench = viewId -> SwingUtilities.invokeLater(() -> shown.show(viewId));
        registration = context.registerService(Workbench.class, workbench, null);
    }

    @Deactivate
    void deactivate() {
        MainWindow shown;
        synchronized (lock) {
            shown = window;
        }
        if (shown == null) {
            return;
        }
        context.removeBundleListener(frameworkStopping);
        // saves the layout unless the framework's STOPPING event did so already (close is idempotent)
        Edt.runAndWait(shown::close);
        // the views that need a workbench leave now; their removals queue on the EDT before the dispose
        registration.unregister();
        synchronized (lock) {
            window = null;
        }
        Edt.runAndWait(shown::dispose);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(WorkbenchView view, Map<String, Object> properties) {
        DockPosition position = DockPosition.of(properties.get(WorkbenchView.DOCK_POSITION));
        synchronized (lock) {
            views.put(view, position);
            MainWindow shown = window;
            if (shown != null) {
                SwingUtilities.invokeLater(() -> shown.viewArrived(view, position));
            }
        }
    }

    void removeView(WorkbenchView view) {
        synchronized (lock) {
            views.remove(view);
            MainWindow shown = window;
            if (shown != null) {
                SwingUtilities.invokeLater(() -> shown.viewLeft(view));
            }
        }
    }

    private void frameworkEvent(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == SYSTEM_BUNDLE) {
            MainWindow shown;
            synchronized (lock) {
                shown = window;
            }
            if (shown != null) {
                Edt.runAndWait(shown::close);
            }
        }
    }

    /** Called on the EDT; the framework must stop on another thread, as it waits for this one to dispose the window. */
    private void stopFramework() {
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(SYSTEM_BUNDLE).stop();
            } catch (BundleException | IllegalStateException e) {
                logger.error("Cannot stop the framework after the window closed", e);
            }
        }, "fieldbench-window-closed");
        stopper.start();
    }

    /** The bench's data folder; the bundle's own where the launcher named none (a bare framework). */
    private static Path dataFolder(BundleContext context) {
        String dataDirectory = context.getProperty(BenchProperties.DATA);
        return dataDirectory == null || dataDirectory.isBlank()
                ? context.getDataFile("").toPath()
                : Path.of(dataDirectory);
    }
}
