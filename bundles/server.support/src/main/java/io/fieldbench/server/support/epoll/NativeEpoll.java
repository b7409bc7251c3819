package io.fieldbench.server.support.epoll;

import java.net.BindException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors;

/**
 * Whether Netty's native epoll transport runs here, the one question every server's choice of
 * transport asks (the UDP collector's and the TCP servers'). {@code io.netty.channel.epoll} is an
 * optional import of the bundles that copy this in: where it is missing, the first call here fails
 * to link, which is told as the reason, and the servers use NIO. Netty's own system property
 * {@code io.netty.transport.noNative=true} turns epoll off for the whole bench.
 */
public final class NativeEpoll {

    private NativeEpoll() {
    }

    /** Empty when epoll can be used here, else why not, in one line for the status. */
    public static String unavailability() {
        try {
            if (Epoll.isAvailable()) {
                return "";
            }
            Throwable cause = Epoll.unavailabilityCause();
            return String.valueOf(cause.getMessage() == null ? cause : cause.getMessage());
        } catch (LinkageError noEpollClasses) {
            // the optional import of io.netty.channel.epoll is not wired: no epoll bundle installed
            return "Netty's epoll classes are not installed (" + noEpollClasses + ")";
        }
    }

    /**
     * The best of a server's transports: the epoll one if epoll runs here, else the NIO one, made
     * with why not epoll.
     */
    public static <T> T best(Supplier<T> epoll, Function<String, T> nioBecause) {
        String whyNotEpoll = unavailability();
        return whyNotEpoll.isEmpty() ? epoll.get() : nioBecause.apply(whyNotEpoll);
    }

    /** How a transport is shown when epoll cannot be used, with why not (empty: not asked). */
    public static String nioBecause(String whyNotEpoll) {
        return whyNotEpoll.isEmpty() ? "NIO" : "NIO (epoll unavailable: " + whyNotEpoll + ")";
    }

    /**
     * A failure of a native bind as the JDK would throw it: epoll says {@code bind(..) failed:
     * Address already in use} as an IOException of its own, and the bench tells a
     * {@link BindException} plainly.
     */
    public static Exception asJdkFailure(Exception bindFailure) {
        if (bindFailure instanceof Errors.NativeIoException failure && String.valueOf(failure.getMessage()).startsWith("bind(")) {
            BindException bind = new BindException(failure.getMessage());
            bind.initCause(failure);
            return bind;
        }
        return bindFailure;
    }
}
