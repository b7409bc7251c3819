package io.fieldbench.server.support;

import java.net.BindException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * Why a server could not listen, in one line that names the port or address and what to do. The
 * UDP collector, the chat server and the file service say it the same way, each with its protocol
 * and the settings file to change.
 */
public final class BindProblem {

    private final String protocol;
    private final String whereToChange;

    /**
     * @param protocol the protocol as the user knows it, "UDP" or "TCP"
     * @param pid the configuration PID of the server, whose settings name the address and port
     */
    public BindProblem(String protocol, String pid) {
        this.protocol = protocol;
        this.whereToChange = "Settings / <data>/etc/" + pid + ".cfg";
    }

    /** Where the user changes the address and port. */
    public String whereToChange() {
        return whereToChange;
    }

    /** The failure of binding {@code bindAddress:port}, said plainly. */
    public String describe(Throwable failure, String bindAddress, int port) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (failure instanceof BindException && message.toLowerCase(Locale.ROOT).contains("in use")) {
            return protocol + " port " + port + " is in use by another program: stop it or choose another port in "
                    + whereToChange;
        }
        if (failure instanceof BindException && message.contains("assign")) {
            return "Cannot listen on " + protocol + " " + bindAddress + ":" + port + ": " + bindAddress
                    + " is not an address of this machine; choose another bind address in " + whereToChange;
        }
        if (failure instanceof UnknownHostException || failure instanceof UnresolvedAddressException) {
            return "Cannot listen on " + protocol + ": bind address '" + bindAddress + "' is unknown; choose another in "
                    + whereToChange;
        }
        if (failure instanceof SocketException && message.contains("ermission")) {
            return "Cannot listen on " + protocol + " port " + port
                    + ": ports below 1024 need administrator rights; choose another port in " + whereToChange;
        }
        return "Cannot listen on " + protocol + " " + bindAddress + ":" + port + ": "
                + (message.isEmpty() ? failure.getClass().getSimpleName() : message) + "; check the settings in "
                + whereToChange;
    }
}
