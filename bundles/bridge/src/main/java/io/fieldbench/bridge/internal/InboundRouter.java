package io.fieldbench.bridge.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

/**
 * Routes what arrives from the broker by its topic: other sites' batches to the intake, this site's
 * commands and replies to the downlink desk. A foreign, broken or oversized message is counted and
 * said in one line; the subscriber goes on.
 */
final class InboundRouter {

    private final BridgeSettings settings;
    private final Topics topics;
    private final RemoteIntake intake;
    private final DownlinkDesk desk;
    private final Consumer<String> problem;
    private final AtomicLong rejected = new AtomicLong();

    InboundRouter(BridgeSettings settings, Topics topics, RemoteIntake intake, DownlinkDesk desk, Consumer<String> problem) {
        this.settings = settings;
        this.topics = topics;
        this.intake = intake;
        this.desk = desk;
        this.problem = problem;
    }

    /** One message from the broker, on the client's thread; never throws. */
    void received(Mqtt5Publish message) {
        String topic = message.getTopic().toString();
        try {
            int size = message.getPayload().map(buffer -> buffer.remaining()).orElse(0);
            if (size > settings.maxMessageBytes()) {
                throw new IllegalArgumentException(size + " bytes, more than max.message.bytes (" + settings.maxMessageBytes() + ")");
            }
            Optional<Topics.Parsed> parsed = topics.parse(topic);
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("not a topic of the bridge");
            }
            String site = parsed.get().site();
            switch (parsed.get().kind()) {
                case Topics.SAMPLES -> {
                    if (settings.receivesFrom(site)) {
                        intake.samples(site, message.getPayloadAsBytes());
                    }
                }
                case Topics.DATAGRAMS -> {
                    if (settings.receivesFrom(site)) {
                        intake.datagrams(site, message.getPayloadAsBytes());
                    }
                }
                case Topics.COMMAND -> {
                    if (site.equals(settings.site())) {
                        desk.command(message);
                    }
                }
                case Topics.REPLY -> {
                    if (site.equals(settings.site())) {
                        desk.replied(message.getPayloadAsBytes());
                    }
                }
                default -> {
                    // status topics: other benches' and devices' presence, shown by their own samples
                }
            }
        } catch (RuntimeException e) { // whatever a foreign or broken message makes the readers throw
            rejected.incrementAndGet();
            problem.accept("ignored a message on " + topic + ": " + e.getMessage());
        }
    }

    /** Messages ignored as foreign, broken or too large. */
    long rejected() {
        return rejected.get();
    }
}
