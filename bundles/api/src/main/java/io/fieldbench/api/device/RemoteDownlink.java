package io.fieldbench.api.device;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Downlink to the devices of other benches, named {@code site/device}: the bridge carries the
 * datagram to the bench that collects from the device, which sends it from its own UDP socket.
 */
@ProviderType
public interface RemoteDownlink {

    /** Whether the device is one of another bench that this bench can reach now. */
    boolean reaches(String deviceId);

    /**
     * Sends the bytes to the device; completes with the remote bench's one-line result (such as
     * {@code sent 5 bytes to field/m-17 at 203.0.113.9:40112}), exceptionally with the reason it
     * was not sent.
     */
    CompletionStage<String> send(String deviceId, byte[] payload);
}
