package io.fieldbench.bridge.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bridge's settings, checked: the broker address taken apart, the site and client id filled
 * in, and what is wrong said in one line each (the bridge stays off rather than guess).
 *
 * @param broker    where to connect, or empty when the bridge is off
 * @param subscribe the sites to receive from; {@code +} for all
 */
record BridgeSettings(Optional<Broker> broker, String site, boolean publish, Set<String> subscribe, String clientId,
        String username, String passwordFile, String caFile, int qos, String prefix, boolean publishDatagrams,
        int batchMillis, long backlogMaxBytes, int replayRate, long sessionExpirySeconds, int commandTtlSeconds,
        int maxMessageBytes, List<String> problems) {

    static final int DEFAULT_BATCH_MILLIS = 50;
    static final long DEFAULT_BACKLOG_MAX_BYTES = 1L << 30;
    static final int DEFAULT_REPLAY_RATE = 50;
    static final long DEFAULT_SESSION_EXPIRY_SECONDS = 86_400;
    static final int DEFAULT_COMMAND_TTL_SECONDS = 30;
    static final int DEFAULT_MAX_MESSAGE_BYTES = 16 << 20;
    static final String ALL_SITES = "+";

    /** A broker address: {@code tcp://host:1883} or, with TLS, {@code ssl://host:8883}. */
    record Broker(String host, int port, boolean tls) {

        @Override
        public String toString() {
            return (tls ? "ssl://" : "tcp://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    static BridgeSettings of(BridgeConfig config) {
        List<String> problems = new ArrayList<>();
        Optional<Broker> broker = broker(config.broker().trim(), problems);
        String site = config.site().isBlank() ? hostName() : config.site().trim();
        if (site.contains("/") || site.contains("+") || site.contains("#")) {
            problems.add("site '" + site + "' contains / + or #, which MQTT topics cannot carry: choose a plain name");
            broker = Optional.empty();
        }
        String clientId = config.client_id().isBlank() ? "fieldbench-" + site : config.client_id().trim();
        Set<String> subscribe = Arrays.stream(config.subscribe().split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        if (subscribe.contains(ALL_SITES)) {
            subscribe = Set.of(ALL_SITES);
        }
        int qos = Math.max(0, Math.min(1, config.qos()));
        if (qos != config.qos()) {
            problems.add("qos " + config.qos() + " is not 0 or 1; using " + qos);
        }
        if (!config.password_file().isBlank() && config.username().isBlank()) {
            problems.add("a password file without a user name is not sent: set username too");
        }
        String prefix = config.topic_prefix().isBlank() ? "fieldbench" : config.topic_prefix().trim();
        return new BridgeSettings(broker, site, config.publish(), subscribe, clientId, config.username().trim(),
                config.password_file().trim(), config.ca_file().trim(), qos, prefix, config.publish_datagrams(),
                Math.max(1, config.batch_millis()), Math.max(1 << 20, config.backlog_max_bytes()),
                Math.max(1, config.replay_messages_per_second()), Math.max(0, config.session_expiry_seconds()),
                Math.max(1, config.command_ttl_seconds()), Math.max(1024, config.max_message_bytes()),
                List.copyOf(problems));
    }

    /** Whether the bridge has somewhere to connect. */
    boolean enabled() {
        return broker.isPresent();
    }

    /** Whether this bench receives from the named site. */
    boolean receivesFrom(String other) {
        return !other.equals(site) && (subscribe.contains(ALL_SITES) || subscribe.contains(other));
    }

    Optional<Path> password() {
        return passwordFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(passwordFile));
    }

    private static Optional<Broker> broker(String text, List<String> problems) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String withScheme = text.contains("://") ? text : "tcp://" + text;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            boolean tls = switch (scheme) {
                case "tcp", "mqtt" -> false;
                case "ssl", "tls", "mqtts" -> true;
                default -> throw new URISyntaxException(text, "the scheme is not tcp:// or ssl://");
            };
            if (uri.getHost() == null) {
                throw new URISyntaxException(text, "no host");
            }
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
            return Optional.of(new Broker(host, uri.getPort() < 0 ? (tls ? 8883 : 1883) : uri.getPort(), tls));
        } catch (URISyntaxException e) {
            problems.add("broker '" + text + "' is not a broker address (" + e.getReason()
                    + "): write tcp://host:1883 or ssl://host:8883; the bridge stays off");
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        } catch (UnknownHostException e) {
            return "bench";
        }
    }
}
