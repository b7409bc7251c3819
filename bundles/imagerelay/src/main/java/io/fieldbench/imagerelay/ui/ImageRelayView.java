package io.fieldbench.imagerelay.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.fieldbench.api.imagerelay.ImageRelayEvents;
import io.fieldbench.api.imagerelay.RelayEvent;
import io.fieldbench.api.settings.SettingsFiles;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.imagerelay.relay.ImageRelay;
import io.fieldbench.support.DaemonThreads;
import io.fieldbench.view.support.BoundedIntake;
import io.fieldbench.view.support.PanelView;

/**
 * The Image Relay view, docked in the centre: the page's addresses with their QR codes, the
 * connected clients, the gallery and the current image, and the log. The relay, the disk and the
 * settings are asked on the view's worker thread, thumbnails are decoded on a thread of their own;
 * events are only enqueued (a {@link BoundedIntake}) while the view's panel exists.
 */
@Component(service = {WorkbenchView.class, EventHandler.class}, property = {
        WorkbenchView.DOCK_POSITION + "=center",
        EventConstants.EVENT_TOPIC + "=" + ImageRelayEvents.ALL })
public final class ImageRelayView extends PanelView<ImageRelayPanel> implements EventHandler {

    static final String ID = "imagerelay";
    /** Events waiting for the panel's next tick: a tick shows them all. */
    static final int WAITING_EVENTS = 10_000;

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private ImageRelay relay;

    @Reference
    private SettingsFiles settingsFiles;

    private final BoundedIntake<RelayEvent> intake = new BoundedIntake<>(WAITING_EVENTS);
    private ExecutorService worker;
    private ExecutorService thumbnails;

    public ImageRelayView() {
        super(ID, "Image Relay");
    }

    @Activate
    void activate() {
        worker = daemonThread("fieldbench-imagerelay-view");
        thumbnails = daemonThread("fieldbench-imagerelay-thumbnails");
    }

    @Deactivate
    void deactivate() {
        closePanel(ImageRelayPanel::stop);
        worker.shutdownNow();
        thumbnails.shutdownNow();
    }

    @Override
    protected ImageRelayPanel createPanel() {
        return new ImageRelayPanel(new RelayTasks(relay, settingsFiles, worker), intake, worker, thumbnails);
    }

    @Override
    public void handleEvent(Event event) {
        if (panel() != null && event.getProperty(ImageRelayEvents.EVENT) instanceof RelayEvent relayEvent) {
            intake.offer(relayEvent);
        }
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(DaemonThreads.named(name));
    }
}
