package io.fieldbench.shell.ui.modules;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.SwingUtilities;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.fieldbench.api.feature.FeatureEvents;
import io.fieldbench.api.feature.FeatureService;
import io.fieldbench.api.feature.FeatureStatus;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.view.support.PanelView;

/**
 * The Modules view: switches features on and off and shows how their bundles are doing. It follows
 * {@link FeatureEvents#CHANGED}; a burst of changes becomes one repaint.
 */
@Component(service = {WorkbenchView.class, EventHandler.class}, property = {
        WorkbenchView.DOCK_POSITION + "=west",
        EventConstants.EVENT_TOPIC + "=" + FeatureEvents.CHANGED})
public final class ModulesView extends PanelView<ModulesPanel> implements EventHandler {

    static final String ID = "modules";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private FeatureService features;

    private final AtomicReference<List<FeatureStatus>> latest = new AtomicReference<>(List.of());
    private final AtomicBoolean repaintQueued = new AtomicBoolean();

    public ModulesView() {
        super(ID, "Modules");
    }

    @Activate
    void activate() {
        latest.set(features.features());
    }

    @Override
    protected ModulesPanel createPanel() {
        ModulesPanel created = new ModulesPanel(this::switchFeature);
        created.show(latest.get());
        return created;
    }

    /** Takes the snapshot here, off the EDT; the EDT only paints the newest one. */
    @Override
    public void handleEvent(Event event) {
        latest.set(features.features());
        if (repaintQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(this::showLatest);
        }
    }

    private void showLatest() {
        repaintQueued.set(false);
        ModulesPanel shown = panel();
        if (shown != null) {
            shown.show(latest.get());
        }
    }

    private CompletionStage<Void> switchFeature(String feature, boolean on) {
        return on ? features.enable(feature) : features.disable(feature);
    }
}
