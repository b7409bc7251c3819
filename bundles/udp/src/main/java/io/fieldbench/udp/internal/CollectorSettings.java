package io.fieldbench.udp.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.fieldbench.server.support.ListenerSettings;
import io.fieldbench.server.support.ServerControl;

/**
 * The collector's configuration, checked: a value the collector cannot use is replaced by its
 * default and named in {@link #problems()}, so a typo in a file never silences the collector.
 *
 * @param listener      whether and where to listen: the UDP port, 0 for any free one
 * @param receiveBuffer the SO_RCVBUF to ask for, in bytes
 * @param decoder       {@link #AUTO} or a decoder's name
 * @param ackTemplate   the ack reply; {@code %s} stands for the received bytes
 * @param keepalives    the words a keep-alive datagram consists of, lower case
 * @param problems      what was wrong with the configuration, in words for a lab engineer
 */
public record CollectorSettings(ListenerSettings listener, int receiveBuffer, String decoder,
        Charset charset, ReplyMode reply, String ackTemplate, Set<String> keepalives, List<String> problems)
        implements ServerControl.Listening {

    /** The decoder choice that tries every decoder. */
    public static final String AUTO = "auto";
    /** The encodings field devices use; others are refused to keep the choice meaningful. */
    public static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, Charset.forName("GBK"),
            Charset.forName("GB18030"));
    static final int MIN_RECEIVE_BUFFER = 64 * 1024;

    public CollectorSettings {
        keepalives = Set.copyOf(keepalives);
        problems = List.copyOf(problems);
    }

    /** Checks the configuration DS hands over. */
    static CollectorSettings of(CollectorConfig config) {
        List<String> problems = new ArrayList<>();
        ListenerSettings listener = ListenerSettings.read(config.enabled(), config.bind_address(), config.port(), problems);
        int buffer = config.receive_buffer();
        if (buffer < MIN_RECEIVE_BUFFER) {
            problems.add("receive.buffer " + buffer + " is below " + MIN_RECEIVE_BUFFER + " bytes; asking for "
                    + MIN_RECEIVE_BUFFER);
            buffer = MIN_RECEIVE_BUFFER;
        }
        String decoder = config.decoder() == null || config.decoder().isBlank() ? AUTO : config.decoder().trim();
        Charset charset = charsetNamed(Objects.toString(config.charset(), "")).orElse(null);
        if (charset == null) {
            problems.add("charset '" + config.charset() + "' is not one of " + charsetNames() + "; using UTF-8");
            charset = StandardCharsets.UTF_8;
        }
        ReplyMode reply = ReplyMode.named(Objects.toString(config.reply(), "")).orElse(null);
        if (reply == null) {
            problems.add("reply '" + config.reply() + "' is not none, echo or ack; not replying");
            reply = ReplyMode.NONE;
        }
        String template = config.ack_template() == null ? "" : config.ack_template();
        Set<String> keepalives = Arrays.stream(Objects.toString(config.keepalive_patterns(), "").split(","))
                .map(word -> word.strip().toLowerCase(Locale.ROOT)).filter(word -> !word.isEmpty()).collect(Collectors.toSet());
        return new CollectorSettings(listener, buffer, decoder, charset, reply, template, keepalives,
                problems);
    }

    /** One of {@link #CHARSETS}, by any of its names. */
    public static Optional<Charset> charsetNamed(String name) {
        return CHARSETS.stream().filter(c -> c.name().equalsIgnoreCase(name.trim())
                || c.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name.trim()))).findFirst();
    }

    private static String charsetNames() {
        return String.join(", ", CHARSETS.stream().map(Charset::name).toList());
    }

    /** Whether the collector keeps its socket with the other settings: a new receive buffer binds again too. */
    @Override
    public boolean sameSocket(ServerControl.Listening other) {
        return ServerControl.Listening.super.sameSocket(other) && other instanceof CollectorSettings collector
                && receiveBuffer == collector.receiveBuffer;
    }
}
