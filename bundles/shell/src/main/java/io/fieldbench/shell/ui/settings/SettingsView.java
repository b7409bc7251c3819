package io.fieldbench.shell.ui.settings;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.MetaTypeService;

import io.fieldbench.api.settings.SettingsFiles;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.support.DaemonThreads;
import io.fieldbench.view.support.PanelView;

/**
 * The Settings view: edits the configuration of every component that describes itself with
 * MetaType. It writes through ConfigurationAdmin, so an edit here and an edit of {@code etc/<pid>.cfg}
 * are the same thing. It docks south, beside the Log: the centre's tabs are the modules' own, and a
 * settings form wants the window's width.
 */
@Component(service = WorkbenchView.class, property = WorkbenchView.DOCK_POSITION + "=south")
public final class SettingsView extends PanelView<SettingsPanel> {

    static final String ID = "settings";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private MetaTypeService metaType;

    @Reference
    private ConfigurationAdmin configurationAdmin;

    @Reference
    private SettingsFiles settingsFiles;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    private BundleContext context;
    /** One thread: reads and writes of configurations happen in the order the user made them. */
    private ExecutorService worker;
    private final BundleListener bundlesChanged = this::bundleChanged;

    public SettingsView() {
        super(ID, "Settings");
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        worker = Executors.newSingleThreadExecutor(DaemonThreads.named("fieldbench-settings"));
        context.addBundleListener(bundlesChanged);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(bundlesChanged);
        closePanel(SettingsPanel::stop);
        worker.shutdown();
    }

    /** Bundles that come and go bring and take MetaType definitions. */
    private void bundleChanged(BundleEvent event) {
        SettingsPanel shown = panel();
        if (shown != null) {
            shown.bundlesChanged();
        }
    }

    @Override
    protected SettingsPanel createPanel() {
        return new SettingsPanel(
                new ComponentSettings(context, metaType, configurationAdmin, settingsFiles, logger), worker);
    }
}
