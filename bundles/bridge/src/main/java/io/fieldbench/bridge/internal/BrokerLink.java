package io.fieldbench.bridge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.exceptions.MqttEncodeException;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5MessageException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;

/**
 * The connection to the broker, through the HiveMQ MQTT client (MQTT 5): connects with this
 * bench's last will (its status {@code offline}, retained), reconnects with backoff after any loss
 * or failure, subscribes again at each connection, and says each failure in one line. A watching
 * bench keeps a session (Clean Start off, a session expiry), so the broker keeps what it misses
 * while away. Every message received goes to one callback, registered before the first connection
 * so that what a kept session delivers at once is not lost, and is acknowledged to the broker only
 * when the callback has returned.
 */
final class BrokerLink {

    /** What the link tells the bridge; called on the client's threads. */
    interface Listener {
        void connected();

        void disconnected(String reason);

        void message(Mqtt5Publish publish);
    }

    static final long FIRST_RETRY_MILLIS = 500;
    static final long MAX_RETRY_MILLIS = 10_000;
    /** The retry delay doubles at most this often (past it, the shift would overflow long before the cap). */
    private static final int MAX_DOUBLINGS = 10;

    private final BridgeSettings settings;
    private final Listener listener;
    private final byte[] offline;
    private final Topics topics;
    private volatile boolean running;
    private Mqtt5AsyncClient client;

    BrokerLink(BridgeSettings settings, Topics topics, byte[] offlineStatus, Listener listener) {
        this.settings = settings;
        this.topics = topics;
        this.offline = offlineStatus;
        this.listener = listener;
    }

    /** Starts connecting; the listener hears how it goes. */
    void start() throws IOException, GeneralSecurityException {
        BridgeSettings.Broker broker = settings.broker().orElseThrow();
        Mqtt5ClientBuilder builder = Mqtt5Client.builder()
                .identifier(settings.clientId())
                .serverHost(broker.host())
                .serverPort(broker.port())
                .willPublish()
                    .topic(topics.of(settings.site(), Topics.STATUS)).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .payload(offline).applyWillPublish()
                .addConnectedListener(context -> listener.connected())
                .addDisconnectedListener(this::disconnected);
        if (broker.tls()) {
            builder = settings.caFile().isEmpty() ? builder.sslWithDefaultConfig()
                    : builder.sslConfig().trustManagerFactory(trust(Path.of(settings.caFile()))).applySslConfig();
        }
        if (!settings.username().isEmpty()) {
            var auth = builder.simpleAuth().username(settings.username());
            if (settings.password().isPresent()) {
                auth = auth.password(password(settings.password().get()));
            }
            builder = auth.applySimpleAuth();
        }
        client = builder.buildAsync();
        // acknowledged by us once handled: the client's own acknowledgement comes as it queues a message for the
        // callback, and a bench killed then would lose what waited, the broker no longer keeping it
        client.publishes(MqttGlobalPublishFilter.ALL, this::received, true);
        running = true;
        boolean keepSession = !settings.subscribe().isEmpty();
        client.connectWith()
                .cleanStart(!keepSession)
                .sessionExpiryInterval(keepSession ? settings.sessionExpirySeconds() : 0)
                .send();
    }

    private void received(Mqtt5Publish publish) {
        try {
            listener.message(publish);
        } finally {
            publish.acknowledge();
        }
    }

    private void disconnected(MqttClientDisconnectedContext context) {
        listener.disconnected(describe(context.getCause(), settings));
        if (running && context.getSource() != MqttDisconnectSource.USER) {
            int attempts = context.getReconnector().getAttempts();
            long delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(attempts, MAX_DOUBLINGS));
            context.getReconnector().reconnect(true).delay(delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Subscribes (again) at QoS 1: the filters given. */
    CompletableFuture<?> subscribe(List<String> filters) {
        CompletableFuture<?>[] all = filters.stream()
                .map(filter -> client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all);
    }

    /** Publishes; completes when the broker acknowledged (QoS 1) or it was written (QoS 0), exceptionally when refused. */
    CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain, MqttQos qos) {
        return publish(Mqtt5Publish.builder().topic(topic).qos(qos).retain(retain).payload(payload).build());
    }

    CompletableFuture<Void> publish(Mqtt5Publish message) {
        return client.publish(message).thenCompose(BrokerLink::outcome);
    }

    private static CompletableFuture<Void> outcome(Mqtt5PublishResult result) {
        return result.getError().<CompletableFuture<Void>>map(CompletableFuture::failedFuture)
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /** Says it goes offline (retained), then disconnects; no reconnection after this. */
    void stop(long timeoutMillis) {
        running = false;
        if (client == null) {
            return;
        }
        try {
            if (client.getState().isConnected()) {
                publish(topics.of(settings.site(), Topics.STATUS), offline, true, MqttQos.AT_LEAST_ONCE)
                        .get(timeoutMillis, TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            // the broker is gone: the last will says it instead
        }
        client.disconnect().orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
    }

    /** Whether the broker will never take this message (counted and skipped), rather than the connection broke. */
    static boolean refusedByBroker(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof Mqtt5PubAckException || cause instanceof MqttEncodeException;
    }

    /** One line on why the connection failed or ended, and what to do. */
    static String describe(Throwable cause, BridgeSettings settings) {
        String broker = settings.broker().map(Object::toString).orElse("?");
        if (cause instanceof Mqtt5ConnAckException refused) {
            String code = refused.getMqttMessage().getReasonCode().name();
            return switch (code) {
                case "BAD_USER_NAME_OR_PASSWORD", "NOT_AUTHORIZED" -> "the broker " + broker + " refused the credentials ("
                        + code + "): check username and password.file in Settings / <data>/etc/io.fieldbench.bridge.cfg";
                case "CLIENT_IDENTIFIER_NOT_VALID" -> "the broker " + broker + " refused the client id '" + settings.clientId()
                        + "': set client.id";
                default -> "the broker " + broker + " refused the connection (" + code + ")";
            };
        }
        Throwable root = cause;
        boolean tls = false;
        while (root.getCause() != null && root.getCause() != root) {
            tls |= root instanceof SSLException || root instanceof GeneralSecurityException;
            root = root.getCause();
        }
        tls |= root instanceof SSLException || root instanceof GeneralSecurityException;
        if (root instanceof ConnectException || root instanceof UnknownHostException) {
            return "cannot reach the broker " + broker + " (" + root.getMessage()
                    + "): is it running, and are host and port right? retrying";
        }
        if (tls) {
            return "TLS with the broker " + broker + " failed (" + root.getMessage()
                    + "): check ca.file and that the broker speaks TLS on this port; retrying";
        }
        if (cause instanceof ConnectionFailedException) {
            return "cannot connect to the broker " + broker + " (" + root.getMessage() + "); retrying";
        }
        if (cause instanceof Mqtt5MessageException message) {
            return "the broker " + broker + " ended the connection (" + message.getMqttMessage() + "); reconnecting";
        }
        return "the connection to the broker " + broker + " was lost (" + cause.getMessage() + "); reconnecting";
    }

    private static byte[] password(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return (lines.isEmpty() ? "" : lines.get(0)).getBytes(StandardCharsets.UTF_8);
    }

    private static TrustManagerFactory trust(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }
}
