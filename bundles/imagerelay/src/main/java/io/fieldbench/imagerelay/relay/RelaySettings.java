package io.fieldbench.imagerelay.relay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.fieldbench.server.support.ListenerSettings;
import io.fieldbench.server.support.ServerControl;

/**
 * The image relay's configuration, checked: a wrong value falls back to its default and is named in
 * {@link #problems()}, so that one typo in the file does not keep the relay down.
 *
 * @param imagesFolder the folder received images are kept in, resolved against the data folder
 */
public record RelaySettings(ListenerSettings listener, int maxImageBytes, long maxPixels,
        RelayMode relay, int maxClients, int outboundLimitBytes, int idleTimeoutSeconds, Path imagesFolder,
        boolean echo, boolean plainClients, List<String> problems) implements ServerControl.Listening {

    static final int DEFAULT_MAX_IMAGE_BYTES = 16 * 1024 * 1024;
    static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    static final int DEFAULT_MAX_CLIENTS = 32;
    static final int DEFAULT_OUTBOUND_LIMIT = 64 * 1024 * 1024;
    static final int MIN_BYTES = 1_024;
    static final String IMAGES = "images";

    /** @param data the bench's data folder, which an empty or relative images folder is resolved against */
    public static RelaySettings of(RelayConfig config, Path data) {
        List<String> problems = new ArrayList<>();
        ListenerSettings listener = ListenerSettings.read(config.enabled(), config.bind_address(), config.port(), problems);
        int maxImage = config.max_image_bytes();
        if (maxImage < MIN_BYTES) {
            problems.add("max.image.bytes " + maxImage + " is below " + MIN_BYTES + "; using " + DEFAULT_MAX_IMAGE_BYTES);
            maxImage = DEFAULT_MAX_IMAGE_BYTES;
        }
        long maxPixels = config.max_pixels();
        if (maxPixels < 1) {
            problems.add("max.pixels " + maxPixels + " is below 1; using " + DEFAULT_MAX_PIXELS);
            maxPixels = DEFAULT_MAX_PIXELS;
        }
        RelayMode relay = RelayMode.parse(config.relay());
        if (relay == null) {
            problems.add("relay '" + config.relay() + "' is not all, bench or off; using all");
            relay = RelayMode.ALL;
        }
        int maxClients = config.max_clients();
        if (maxClients < 1) {
            problems.add("max.clients " + maxClients + " is below 1; using " + DEFAULT_MAX_CLIENTS);
            maxClients = DEFAULT_MAX_CLIENTS;
        }
        int outbound = config.outbound_limit_bytes();
        if (outbound < MIN_BYTES) {
            problems.add("outbound.limit.bytes " + outbound + " is below " + MIN_BYTES + "; using " + MIN_BYTES);
            outbound = MIN_BYTES;
        }
        String folder = config.images_folder().trim();
        Path images = folder.isEmpty() ? data.resolve(IMAGES) : data.resolve(folder);
        return new RelaySettings(listener, maxImage, maxPixels, relay,
                maxClients, outbound, Math.max(0, config.idle_timeout_seconds()), images.toAbsolutePath().normalize(),
                config.echo(), config.plain_clients(), List.copyOf(problems));
    }
}
