package io.fieldbench.chat.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.fieldbench.server.support.ListenerSettings;
import io.fieldbench.server.support.ServerControl;

/**
 * The chat server's configuration, checked: a wrong value falls back to its default and is
 * named in {@link #problems()}, so that one typo in the file does not keep the server down.
 */
public record ChatSettings(ListenerSettings listener, Framing framing, int maxLineLength,
        int lengthPrefixBytes, Charset charset, int idleTimeoutSeconds, int frameTimeoutSeconds, int maxClients, int outboundLimitBytes,
        boolean echo, String greeting, List<String> problems) implements ServerControl.Listening {

    static final int DEFAULT_MAX_LINE = 8_192;
    /** The largest message with a 2-byte prefix; a 4-byte prefix may say more, but the server takes no more than this. */
    static final int MAX_LENGTH_FRAME = 16 * 1024 * 1024;
    static final int MIN_OUTBOUND_LIMIT = 1_024;
    /** A greeting written this way is bytes, not text. */
    static final String HEX_PREFIX = "hex:";

    public static ChatSettings of(ChatConfig config) {
        List<String> problems = new ArrayList<>();
        ListenerSettings listener = ListenerSettings.read(config.enabled(), config.bind_address(), config.port(), problems);
        Framing framing = Framing.parse(config.framing());
        if (framing == null) {
            problems.add("framing '" + config.framing() + "' is not raw, line or length; using raw");
            framing = Framing.RAW;
        }
        int prefix = config.length_prefix_bytes();
        if (prefix != 2 && prefix != 4) {
            problems.add("length.prefix.bytes " + prefix + " is not 2 or 4; using 2");
            prefix = 2;
        }
        Charset charset;
        try {
            charset = Charset.forName(config.charset().trim());
        } catch (RuntimeException e) {
            problems.add("charset '" + config.charset() + "' is unknown; using UTF-8");
            charset = StandardCharsets.UTF_8;
        }
        int maxLine = config.max_line_length();
        if (maxLine < 1) {
            problems.add("max.line.length " + maxLine + " is below 1; using " + DEFAULT_MAX_LINE);
            maxLine = DEFAULT_MAX_LINE;
        }
        int idle = Math.max(0, config.idle_timeout_seconds());
        int frameTimeout = Math.max(0, config.frame_timeout_seconds());
        int maxClients = config.max_clients();
        if (maxClients < 1) {
            problems.add("max.clients " + maxClients + " is below 1; using 20000");
            maxClients = 20_000;
        }
        int outbound = config.outbound_limit_bytes();
        if (outbound < MIN_OUTBOUND_LIMIT) {
            problems.add("outbound.limit.bytes " + outbound + " is below " + MIN_OUTBOUND_LIMIT + "; using " + MIN_OUTBOUND_LIMIT);
            outbound = MIN_OUTBOUND_LIMIT;
        }
        String greeting = config.greeting();
        if (greeting.startsWith(HEX_PREFIX)) {
            try {
                ShownText.parseHex(greeting.substring(HEX_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                problems.add("greeting: " + e.getMessage() + "; sending none");
                greeting = "";
            }
        }
        return new ChatSettings(listener, framing, maxLine, prefix,
                charset, idle, frameTimeout, maxClients, outbound, config.echo(), greeting, List.copyOf(problems));
    }

    /** The bytes each client gets as it connects: the greeting in the server's encoding, or its hex bytes; none when empty. */
    byte[] greetingBytes() {
        return greeting.startsWith(HEX_PREFIX) ? ShownText.parseHex(greeting.substring(HEX_PREFIX.length()))
                : greeting.getBytes(charset);
    }

    /** The largest message the framing takes from a client. */
    int maxFrame() {
        return framing == Framing.LINE ? maxLineLength : lengthPrefixBytes == 2 ? 0xFFFF : MAX_LENGTH_FRAME;
    }
}
