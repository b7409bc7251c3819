package io.fieldbench.api.device;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends a datagram to a device from the collector's own socket: the device's NAT or carrier
 * mapping was opened by its own datagrams to that socket, so a reply from it is let through where
 * one from any other port would be dropped.
 */
@ProviderType
public interface Downlink {

    /**
     * Sends the bytes to the endpoint; completes when the datagram was handed to the system, or
     * exceptionally with a one-line reason (the collector does not listen, the address cannot be
     * reached).
     */
    CompletionStage<Void> send(InetSocketAddress endpoint, byte[] payload);
}
