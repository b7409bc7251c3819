package io.fieldbench.imagerelay.relay;

import java.util.List;

import io.fieldbench.imagerelay.page.PageAddress;
import io.fieldbench.server.support.ServerControl;
import io.fieldbench.server.support.ServerControl.State;

/**
 * The image relay at one moment, for the console and the view.
 *
 * @param endpoint where it listens, or is set to listen, as host:port
 * @param problem why it does not listen, in one line; empty when it does
 * @param transport how its sockets are served: epoll or NIO, and why not epoll
 * @param pages the addresses of the phone page (with the token); empty when it does not listen
 * @param plainClients whether the Python tutorial's clients may connect without the token (plain.clients)
 */
public record RelayStatus(State state, String endpoint, String problem, String transport, int clients, int images,
        List<PageAddress> pages, boolean plainClients) {

    public boolean running() {
        return state == State.RUNNING;
    }

    /** One line: what the relay does, or why it does not listen. */
    public String headline() {
        return ServerControl.headline(state, endpoint, problem);
    }
}
