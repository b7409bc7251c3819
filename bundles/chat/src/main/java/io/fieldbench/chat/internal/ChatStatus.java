package io.fieldbench.chat.internal;

/** The chat server at one moment, for the console and the view. */
public record ChatStatus(State state, String endpoint, String problem, int clients, ChatSettings settings) {

    public enum State {
        STARTING, RUNNING, STOPPING, STOPPED
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    /** One line: what the server does, or why it does not listen. */
    public String headline() {
        return switch (state) {
            case RUNNING -> "running on " + endpoint;
            case STARTING -> "starting on " + endpoint;
            case STOPPING -> "stopping";
            case STOPPED -> problem.isEmpty() ? "stopped (set to listen on " + endpoint + ")" : "stopped: " + problem;
        };
    }

    /** Every line of {@code chat:status}. */
    public String text() {
        StringBuilder text = new StringBuilder(headline());
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
        settings.problems().forEach(p -> text.append("\nsetting:   ").append(p));
        return text.toString();
    }
}
