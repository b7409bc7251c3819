package io.fieldbench.chat.internal;

import java.net.BindException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/** Why the chat server could not listen, in one line that names the port or address and what to do. */
final class BindProblem {

    static final String WHERE_TO_CHANGE = "Settings / etc/" + ChatServer.PID + ".cfg";

    private BindProblem() {
    }

    static String describe(Throwable failure, String bindAddress, int port) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (failure instanceof BindException && message.toLowerCase(Locale.ROOT).contains("in use")) {
            return "TCP port " + port + " is in use by another program: stop it or choose another port in " + WHERE_TO_CHANGE;
        }
        if (failure instanceof BindException && message.contains("assign")) {
            return "Cannot listen on TCP " + bindAddress + ":" + port + ": " + bindAddress
                    + " is not an address of this machine; choose another bind address in " + WHERE_TO_CHANGE;
        }
        if (failure instanceof UnknownHostException || failure instanceof UnresolvedAddressException) {
            return "Cannot listen on TCP: bind address '" + bindAddress + "' is unknown; choose another in " + WHERE_TO_CHANGE;
        }
        if (failure instanceof SocketException && message.contains("ermission")) {
            return "Cannot listen on TCP port " + port + ": ports below 1024 need administrator rights; choose another port in "
                    + WHERE_TO_CHANGE;
        }
        return "Cannot listen on TCP " + bindAddress + ":" + port + ": " + (message.isEmpty() ? failure.getClass().getSimpleName() : message)
                + "; check the settings in " + WHERE_TO_CHANGE;
    }
}
