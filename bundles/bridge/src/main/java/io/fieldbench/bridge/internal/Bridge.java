package io.fieldbench.bridge.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import io.fieldbench.api.device.Device;
import io.fieldbench.api.device.DeviceEvents;
import io.fieldbench.api.device.Downlink;
import io.fieldbench.api.device.RemoteDownlink;
import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.api.settings.BenchProperties;
import io.fieldbench.api.status.StatusReport;

/**
 * The MQTT bridge (PID {@value #PID}): off until a broker is set; then one {@link BridgeSession},
 * started again on every change of the settings. It follows this bench's own samples (never a
 * replay, never what came from another bench) and its devices' online state.
 */
@Component(service = {Bridge.class, EventHandler.class, StatusReport.class, RemoteDownlink.class}, configurationPid = Bridge.PID,
        immediate = true, property = {
                EventConstants.EVENT_TOPIC + "=" + SampleEvents.DECODED,
                EventConstants.EVENT_TOPIC + "=" + SampleEvents.RECEIVED,
                EventConstants.EVENT_TOPIC + "=" + DeviceEvents.ONLINE,
                EventConstants.EVENT_TOPIC + "=" + DeviceEvents.OFFLINE })
@Designate(ocd = BridgeConfig.class)
public final class Bridge implements EventHandler, StatusReport, RemoteDownlink {

    public static final String PID = "io.fieldbench.bridge";

    @Reference
    private EventAdmin events;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Downlink downlink;

    private Path folder;
    private volatile BridgeSession session;
    private volatile String offReason = "";

    @Activate
    void activate(BundleContext context, BridgeConfig config) {
        folder = Path.of(context.getProperty(BenchProperties.DATA), "bridge");
        start(BridgeSettings.of(config));
    }

    @Modified
    void modified(BridgeConfig config) throws InterruptedException {
        stop();
        start(BridgeSettings.of(config));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stop();
    }

    private void start(BridgeSettings settings) {
        settings.problems().forEach(problem -> log.warn("Setting in <data>/etc/{}.cfg: {}", PID, problem));
        offReason = String.join("; ", settings.problems());
        if (!settings.enabled()) {
            return;
        }
        try {
            BridgeSession started = new BridgeSession(settings, folder, events::sendEvent, this::downlink, log);
            started.start();
            session = started;
        } catch (Exception e) {
            offReason = "the bridge could not start: " + e.getMessage();
            log.error("MQTT bridge: {}; fix the setting and save it again", offReason);
        }
    }

    private void stop() throws InterruptedException {
        BridgeSession running = session;
        session = null;
        if (running != null) {
            running.stop();
        }
    }

    private Optional<Downlink> downlink() {
        return Optional.ofNullable(downlink);
    }

    @Override
    public void handleEvent(Event event) {
        BridgeSession running = session;
        if (running == null) {
            return;
        }
        switch (event.getTopic()) {
            case SampleEvents.DECODED -> {
                if (event.getProperty(SampleEvents.SITE) == null && event.getProperty(SampleEvents.REPLAY) == null
                        && event.getProperty(SampleEvents.SAMPLES) instanceof List<?> samples) {
                    running.samples(samples.stream().filter(Sample.class::isInstance).map(Sample.class::cast).toList());
                }
            }
            case SampleEvents.RECEIVED -> {
                if (event.getProperty(SampleEvents.SITE) == null
                        && event.getProperty(SampleEvents.DATAGRAMS) instanceof List<?> datagrams) {
                    running.datagrams(datagrams.stream().filter(Datagram.class::isInstance).map(Datagram.class::cast).toList());
                }
            }
            case DeviceEvents.ONLINE, DeviceEvents.OFFLINE -> {
                // a device named site/device came over the bridge: its state is its own bench's to publish
                if (event.getProperty(DeviceEvents.DEVICE) instanceof Device device && !device.id().contains("/")) {
                    running.device(device, DeviceEvents.ONLINE.equals(event.getTopic()));
                }
            }
            default -> {
                // subscribed to nothing else
            }
        }
    }

    @Override
    public boolean reaches(String deviceId) {
        BridgeSession running = session;
        return running != null && running.reaches(deviceId);
    }

    /** Sends a datagram to {@code site/device} through the broker; completes with the remote bench's result. */
    @Override
    public CompletableFuture<String> send(String remoteDevice, byte[] payload) {
        BridgeSession running = session;
        return running == null
                ? CompletableFuture.failedFuture(new IllegalStateException("the bridge is off: set its broker first"))
                : running.send(remoteDevice, payload);
    }

    /** The bridge now; any thread. */
    public BridgeStatus status() {
        BridgeSession running = session;
        if (running == null) {
            return BridgeStatus.off(offReason);
        }
        return running.status();
    }

    @Override
    public String title() {
        return "bridge";
    }

    @Override
    public List<String> lines() {
        return status().lines();
    }
}
