package io.fieldbench.bridge.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import io.fieldbench.api.device.Downlink;
import io.fieldbench.api.sample.Endpoints;

/**
 * Downlink over the broker, both ends. A watching bench sends a command for {@code site/device}
 * (never retained, with an id and a time-to-live, as an MQTT 5 request with a response topic) and
 * gets its result back. A collecting bench carries a command out once: it sends the bytes from the
 * collector's own socket to the device's last endpoint (the device's NAT mapping lets that through)
 * and answers what happened.
 */
final class DownlinkDesk {

    /** Command ids remembered, so that a command delivered twice runs once. */
    static final int REMEMBERED_IDS = 10_000;

    /** Publishes a message; the bridge's link. */
    interface Publisher {
        CompletableFuture<Void> publish(Mqtt5Publish message);
    }

    private final BridgeSettings settings;
    private final Topics topics;
    private final Publisher publisher;
    private final Supplier<Optional<Downlink>> downlink;
    private final Map<String, InetSocketAddress> endpoints = new ConcurrentHashMap<>();
    private final AtomicLong carriedOut = new AtomicLong();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> done = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };

    DownlinkDesk(BridgeSettings settings, Topics topics, Publisher publisher, Supplier<Optional<Downlink>> downlink) {
        this.settings = settings;
        this.topics = topics;
        this.publisher = publisher;
        this.downlink = downlink;
    }

    /** A device of this bench sent from this endpoint: where its downlink goes. */
    void heard(String device, InetSocketAddress endpoint) {
        endpoints.put(device, endpoint);
    }

    /**
     * Sends the bytes to {@code site/device}; completes with the remote bench's one-line result,
     * exceptionally when it failed or no answer came within the time-to-live.
     */
    CompletableFuture<String> send(String remoteDevice, byte[] payload) {
        int slash = remoteDevice.indexOf('/');
        if (slash <= 0 || slash == remoteDevice.length() - 1) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "'" + remoteDevice + "' is not SITE/DEVICE (a device of another bench, as fb:devices lists it)"));
        }
        String site = remoteDevice.substring(0, slash);
        String device = remoteDevice.substring(slash + 1);
        String id = UUID.randomUUID().toString();
        long ttlMillis = TimeUnit.SECONDS.toMillis(settings.commandTtlSeconds());
        CommandJson.Command command = new CommandJson.Command(id, settings.site(), device, payload,
                System.currentTimeMillis() + ttlMillis);
        CompletableFuture<String> result = new CompletableFuture<>();
        pending.put(id, result);
        result.whenComplete((text, failure) -> pending.remove(id));
        CompletableFuture.delayedExecutor(ttlMillis, TimeUnit.MILLISECONDS).execute(() -> result.completeExceptionally(
                new TimeoutException("no answer from " + site + " within " + settings.commandTtlSeconds()
                        + " s: is that bench running and connected to the broker?")));
        publisher.publish(Mqtt5Publish.builder()
                .topic(topics.of(site, Topics.COMMAND)).qos(MqttQos.AT_LEAST_ONCE).retain(false)
                .payload(CommandJson.write(command))
                .messageExpiryInterval(settings.commandTtlSeconds())
                .responseTopic(topics.of(settings.site(), Topics.REPLY))
                .correlationData(id.getBytes(StandardCharsets.UTF_8))
                .build()).whenComplete((sent, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(new IllegalStateException("the broker did not take the command: "
                                + failure.getMessage()));
                    }
                });
        return result;
    }

    /** Commands for this bench's devices that were carried out. */
    long carriedOut() {
        return carriedOut.get();
    }

    /** A reply to a command this bench sent. */
    void replied(byte[] message) {
        CommandJson.Reply reply = CommandJson.readReply(message);
        CompletableFuture<String> waiting = pending.get(reply.id());
        if (waiting == null) {
            return; // not ours, or too late
        }
        if (reply.ok()) {
            waiting.complete(reply.result());
        } else {
            waiting.completeExceptionally(new IllegalStateException(reply.result()));
        }
    }

    /** A command for one of this bench's devices: carried out once, its result sent back. */
    void command(Mqtt5Publish message) {
        CommandJson.Command command = CommandJson.readCommand(message.getPayloadAsBytes());
        synchronized (done) {
            if (done.put(command.id(), Boolean.TRUE) != null) {
                return;
            }
        }
        String responseTopic = message.getResponseTopic().map(Object::toString)
                .orElse(topics.of(command.from(), Topics.REPLY));
        Optional<ByteBuffer> correlation = message.getCorrelationData();
        carryOut(command).whenComplete((result, failure) -> {
            boolean ok = failure == null;
            String text = ok ? result : (failure.getCause() != null ? failure.getCause() : failure).getMessage();
            var reply = Mqtt5Publish.builder().topic(responseTopic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(CommandJson.write(new CommandJson.Reply(command.id(), settings.site(), command.device(), ok, text)));
            publisher.publish(correlation.map(data -> reply.correlationData(data).build()).orElseGet(reply::build));
        });
    }

    private CompletableFuture<String> carryOut(CommandJson.Command command) {
        String where = settings.site() + "/" + command.device();
        if (System.currentTimeMillis() > command.expires()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the command for " + where
                    + " expired before it arrived (its time-to-live passed)"));
        }
        InetSocketAddress endpoint = endpoints.get(command.device());
        if (endpoint == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(settings.site() + " has not heard from "
                    + command.device() + " since it started: a device can be reached once it has sent"));
        }
        Optional<Downlink> socket = downlink.get();
        if (socket.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(settings.site()
                    + " does not run the UDP collector (feature udp): it cannot send to devices"));
        }
        return socket.get().send(endpoint, command.payload()).toCompletableFuture().thenApply(sent -> {
            carriedOut.incrementAndGet();
            return "sent " + command.payload().length + " bytes to " + where + " at " + Endpoints.of(endpoint);
        });
    }
}
