package io.fieldbench.udp.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.device.Downlink;

/** The collector's socket as the api's {@link Downlink}, for modules that answer devices (the bridge). */
@Component
public final class CollectorDownlink implements Downlink {

    @Reference
    private UdpCollector collector;

    @Override
    public CompletionStage<Void> send(InetSocketAddress endpoint, byte[] payload) {
        return collector.send(endpoint, payload);
    }
}
