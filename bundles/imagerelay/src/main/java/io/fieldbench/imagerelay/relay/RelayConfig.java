package io.fieldbench.imagerelay.relay;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import io.fieldbench.api.sample.Endpoints;

/** The image relay's settings, {@code etc/io.fieldbench.imagerelay.cfg}; the defaults are the ones here. */
@ObjectClassDefinition(name = "Image relay", description = "Phones send photos to the bench from a page it serves;"
        + " the bench keeps them, relays them and sends images back")
public @interface RelayConfig {

    @AttributeDefinition(name = "Enabled", description = "Listen when the bench starts. imagerelay:start, imagerelay:stop"
            + " and the Image Relay view switch it for the moment only")
    boolean enabled() default true;

    @AttributeDefinition(name = "Bind address", description = "0.0.0.0: every IPv4 interface; :: every IPv6 and IPv4"
            + " interface; 127.0.0.1 or ::1: this machine only")
    String bind_address() default "0.0.0.0";

    @AttributeDefinition(name = "Port", description = "The HTTP and WebSocket port of the page; 0 lets the system choose"
            + " one", min = "0", max = "" + Endpoints.MAX_PORT)
    int port() default 8899;

    @AttributeDefinition(name = "Maximum image size (bytes)", description = "A larger message is refused (closed with"
            + " 1009) before it is received whole", min = "1024")
    int max_image_bytes() default RelaySettings.DEFAULT_MAX_IMAGE_BYTES;

    @AttributeDefinition(name = "Maximum pixels", description = "An image whose width times height is larger is refused:"
            + " a guard against decompression bombs", min = "1")
    long max_pixels() default RelaySettings.DEFAULT_MAX_PIXELS;

    @AttributeDefinition(name = "Relay", description = "What happens to an image a client sends", options = {
            @Option(label = "all: keep it and forward it to every other client", value = "all"),
            @Option(label = "bench: keep it, forward nothing", value = "bench"),
            @Option(label = "off: refuse uploads; clients only receive what the operator sends", value = "off") })
    String relay() default "all";

    @AttributeDefinition(name = "Maximum clients", description = "WebSocket connections beyond this are refused (HTTP"
            + " 503)", min = "1")
    int max_clients() default 32;

    @AttributeDefinition(name = "Outbound limit (bytes)", description = "Bytes waiting to be sent to one client; a client"
            + " that does not read past this is disconnected as too slow so that it cannot slow the others",
            min = "1024")
    int outbound_limit_bytes() default RelaySettings.DEFAULT_OUTBOUND_LIMIT;

    @AttributeDefinition(name = "Idle timeout (s)", description = "A client silent for this long is disconnected; it is"
            + " pinged half-way, and a live browser answers; 0: never", min = "0")
    int idle_timeout_seconds() default 120;

    @AttributeDefinition(name = "Images folder", description = "Where received images are kept; empty: images in the"
            + " data folder")
    String images_folder() default "";

    @AttributeDefinition(name = "Echo", description = "Send every message back to its sender as it is and keep nothing:"
            + " for the WebSocket conformance suite and round-trip benchmarks")
    boolean echo() default false;

    @AttributeDefinition(name = "Plain clients", description = "Also let clients of the Python WebSocket tutorial in: they"
            + " connect to ws://HOST:PORT/ without the pairing token and send and receive bare image bytes, no JSON."
            + " Anyone on the network can then send images: turn it on only for such clients")
    boolean plain_clients() default false;
}
