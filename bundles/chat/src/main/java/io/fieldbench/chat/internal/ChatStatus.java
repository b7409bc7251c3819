package io.fieldbench.chat.internal;

import io.fieldbench.server.support.ServerControl;
import io.fieldbench.server.support.ServerControl.State;

/**
 * The chat server at one moment, for the console and the view: with its transport (epoll or NIO,
 * and why not epoll), the number of broadcasts since the bench started and the last of them (null
 * before the first).
 */
public record ChatStatus(State state, String endpoint, String problem, String transport, int clients, ChatSettings settings,
        int broadcasts, Broadcast lastBroadcast) {

    public boolean running() {
        return state == State.RUNNING;
    }

    /** One line: what the server does, or why it does not listen. */
    public String headline() {
        return ServerControl.headline(state, endpoint, problem);
    }

    /** Every line of {@code chat:status}. */
    public String text() {
        StringBuilder text = new StringBuilder(headline());
        text.append("\ntransport: ").append(transport);
        text.append("\nclients:   ").append(clients).append(" of at most ").append(settings.maxClients());
        text.append("\nframing:   ").append(settings.framing().setting());
        switch (settings.framing()) {
            case LINE -> text.append(" (at most ").append(settings.maxLineLength()).append(" bytes a line)");
            case LENGTH -> text.append(" (").append(settings.lengthPrefixBytes()).append("-byte big-endian prefix)");
            case RAW -> { }
        }
        text.append(", ").append(settings.charset().name());
        if (settings.echo()) {
            text.append(", echo on");
        }
        text.append("\nlimits:    idle timeout ").append(settings.idleTimeoutSeconds() == 0 ? "off" : settings.idleTimeoutSeconds() + " s")
                .append(", ").append(settings.outboundLimitBytes()).append(" bytes waiting per client");
        if (lastBroadcast != null) {
            text.append("\nbroadcasts: ").append(broadcasts).append(", the last ").append(lastBroadcast.summary());
        }
        settings.problems().forEach(p -> text.append("\nsetting:   ").append(p));
        return text.toString();
    }
}
