package io.fieldbench.imagerelay.relay;

import java.lang.annotation.Annotation;

/** A {@link RelayConfig} with the defaults, but for what a test changes. */
record TestRelayConfig(String relay, boolean echo, int maxClients, int maxImageBytes, int outboundLimitBytes) implements RelayConfig {

    @Override
    public boolean plain_clients() {
        return false;
    }


    static TestRelayConfig relay(String relay) {
        return new TestRelayConfig(relay, false, 2, 1024 * 1024, 64 * 1024 * 1024);
    }

    TestRelayConfig echoing() {
        return new TestRelayConfig(relay, true, maxClients, maxImageBytes, outboundLimitBytes);
    }

    TestRelayConfig clients(int max) {
        return new TestRelayConfig(relay, echo, max, maxImageBytes, outboundLimitBytes);
    }

    TestRelayConfig maxImage(int bytes) {
        return new TestRelayConfig(relay, echo, maxClients, bytes, outboundLimitBytes);
    }

    TestRelayConfig outboundLimit(int bytes) {
        return new TestRelayConfig(relay, echo, maxClients, maxImageBytes, bytes);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return RelayConfig.class;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String bind_address() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return 0;
    }

    @Override
    public int max_image_bytes() {
        return maxImageBytes;
    }

    @Override
    public long max_pixels() {
        return 1_000_000;
    }

    @Override
    public int max_clients() {
        return maxClients;
    }

    @Override
    public int outbound_limit_bytes() {
        return outboundLimitBytes;
    }

    @Override
    public int idle_timeout_seconds() {
        return 120;
    }

    @Override
    public String images_folder() {
        return "";
    }
}
