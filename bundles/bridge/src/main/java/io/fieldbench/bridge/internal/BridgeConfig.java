package io.fieldbench.bridge.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The bridge's settings, {@code <data>/etc/io.fieldbench.bridge.cfg}; the defaults are the ones here. */
@ObjectClassDefinition(name = "MQTT bridge", description = "Links benches through an MQTT broker: publishes what this"
        + " bench collects, receives what other benches publish, carries commands to their devices")
public @interface BridgeConfig {

    @AttributeDefinition(name = "Broker", description = "tcp://host:1883 or ssl://host:8883; empty: the bridge is off")
    String broker() default "";

    @AttributeDefinition(name = "Site", description = "This bench's name in the topics and in other benches' device"
            + " names (site/device); empty: the host name")
    String site() default "";

    @AttributeDefinition(name = "Publish", description = "Send the samples this bench collects, and its devices' online"
            + " state, to the broker")
    boolean publish() default true;

    @AttributeDefinition(name = "Subscribe", description = "Receive what these benches publish: site names separated by"
            + " commas, + for every site, empty for none")
    String subscribe() default "";

    @AttributeDefinition(name = "Client id", description = "Unique on the broker; a watching bench keeps its session"
            + " (what it missed while away) under it; empty: fieldbench-<site>")
    String client_id() default "";

    @AttributeDefinition(name = "User name", description = "Empty: connect without credentials")
    String username() default "";

    @AttributeDefinition(name = "Password file", description = "A file holding the password (its first line); never the"
            + " password itself in a settings file")
    String password_file() default "";

    @AttributeDefinition(name = "CA file", description = "PEM certificates the broker's TLS certificate must chain to;"
            + " empty: the system's trusted authorities")
    String ca_file() default "";

    @AttributeDefinition(name = "QoS", description = "0: at most once; 1: at least once (duplicates are dropped by"
            + " sequence number)", min = "0", max = "1")
    int qos() default 1;

    @AttributeDefinition(name = "Topic prefix", description = "The first level of every topic")
    String topic_prefix() default "fieldbench";

    @AttributeDefinition(name = "Publish datagrams", description = "Also send every datagram as received (hex), for"
            + " other benches' decode errors and recordings, and for consumers that decode themselves")
    boolean publish_datagrams() default false;

    @AttributeDefinition(name = "Batch (ms)", description = "Samples are gathered this long into one message", min = "1")
    int batch_millis() default BridgeSettings.DEFAULT_BATCH_MILLIS;

    @AttributeDefinition(name = "Backlog limit (bytes)", description = "What waits on disk for the broker; past this the"
            + " oldest is dropped and counted", min = "1048576")
    long backlog_max_bytes() default BridgeSettings.DEFAULT_BACKLOG_MAX_BYTES;

    @AttributeDefinition(name = "Catch-up rate (messages/s)", description = "How fast the backlog is replayed after the"
            + " broker comes back, beside the live data", min = "1")
    int replay_messages_per_second() default BridgeSettings.DEFAULT_REPLAY_RATE;

    @AttributeDefinition(name = "Session expiry (s)", description = "How long the broker keeps what a watching bench"
            + " missed while it was away", min = "0")
    long session_expiry_seconds() default BridgeSettings.DEFAULT_SESSION_EXPIRY_SECONDS;

    @AttributeDefinition(name = "Command time-to-live (s)", description = "A downlink command not carried out within"
            + " this is dropped", min = "1")
    int command_ttl_seconds() default BridgeSettings.DEFAULT_COMMAND_TTL_SECONDS;

    @AttributeDefinition(name = "Maximum message (bytes)", description = "A larger message on our topics is refused and"
            + " counted", min = "1024")
    int max_message_bytes() default BridgeSettings.DEFAULT_MAX_MESSAGE_BYTES;
}
