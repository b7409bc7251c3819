package io.fieldbench.server.support;

import java.util.List;

import io.fieldbench.api.sample.Endpoints;

/**
 * Whether and where a server listens, read from its settings ({@code enabled}, {@code bind.address},
 * {@code port}) the same way by every server: an empty address means every IPv4 interface, and a
 * port out of range is named among the settings' problems (the control refuses it at start, saying
 * so again).
 *
 * @param bindAddress the address to listen on, as written (resolved when the server starts)
 * @param port the port, 0 for any free one
 */
public record ListenerSettings(boolean enabled, String bindAddress, int port) implements ServerControl.Listening {

    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";

    /** Reads the three settings; what is wrong with them is added to {@code problems}, in one line. */
    public static ListenerSettings read(boolean enabled, String bindAddress, int port, List<String> problems) {
        if (port < 0 || port > Endpoints.MAX_PORT) {
            problems.add("port " + port + " is not between 0 and " + Endpoints.MAX_PORT);
        }
        String address = bindAddress == null || bindAddress.isBlank() ? DEFAULT_BIND_ADDRESS : bindAddress.strip();
        return new ListenerSettings(enabled, address, port);
    }

    @Override
    public ListenerSettings listener() {
        return this;
    }
}
