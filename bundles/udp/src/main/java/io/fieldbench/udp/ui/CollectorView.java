package io.fieldbench.udp.ui;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.api.settings.SettingsFiles;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.support.DaemonThreads;
import io.fieldbench.udp.internal.UdpCollector;
import io.fieldbench.view.support.BoundedIntake;
import io.fieldbench.view.support.PanelView;
import io.fieldbench.view.support.SettingsWriter;

/**
 * The Collector view, docked in the centre: the collector's settings, Start and Stop, live counters
 * and the traffic log. It takes the collector's datagram events only while its panel exists, and
 * then only copies the head of each datagram and enqueues it (a {@link BoundedIntake}): the
 * collector's own counters are unaffected by what the log cannot keep.
 */
@Component(service = {WorkbenchView.class, EventHandler.class}, property = {
        WorkbenchView.DOCK_POSITION + "=center",
        EventConstants.EVENT_TOPIC + "=" + SampleEvents.RECEIVED })
public final class CollectorView extends PanelView<CollectorPanel> implements EventHandler {

    static final String ID = "udp";
    /** Rows waiting for the log: a 0.2 s burst at 100 000 datagrams/s, or a pause of that size. */
    static final int WAITING_ROWS = 20_000;

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private UdpCollector collector;

    @Reference
    private SettingsFiles settingsFiles;

    private final BoundedIntake<TrafficEntry> intake = new BoundedIntake<>(WAITING_ROWS);
    /** Settings are written in the order the user made them, off the EDT. */
    private ExecutorService writer;

    public CollectorView() {
        super(ID, "UDP Collector");
    }

    @Activate
    void activate() {
        writer = Executors.newSingleThreadExecutor(DaemonThreads.named("fieldbench-udp-view"));
    }

    @Deactivate
    void deactivate() {
        closePanel(CollectorPanel::stop);
        writer.shutdown();
    }

    @Override
    protected CollectorPanel createPanel() {
        return new CollectorPanel(collector, intake, new SettingsWriter(settingsFiles, UdpCollector.PID, writer)::write);
    }

    @Override
    public void handleEvent(Event event) {
        if (panel() != null && event.getProperty(SampleEvents.DATAGRAMS) instanceof List<?> datagrams) {
            for (Object item : datagrams) {
                if (item instanceof Datagram datagram) {
                    intake.offer(TrafficEntry.of(datagram));
                }
            }
        }
    }
}
