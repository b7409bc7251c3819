package io.fieldbench.server.support.tcp;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The listening socket's handler ({@code ServerBootstrap.handler}) for connections it cannot
 * accept, most often because the bench has as many files open as its limit ({@code ulimit -n})
 * allows: says so in one line when accepting begins to fail, and in one when it works again, that
 * is when a connection was accepted and no accept failed for {@value #CONFIRM_MILLIS} ms after it
 * (as clients leave one by one, accepting works and fails by turns). Pauses accepting for a second
 * at each failure, so the waiting connection does not make the acceptor spin. Netty's own acceptor
 * pauses alike but then hands the failure to the end of the pipeline, which logs a stack trace
 * each time, outside the bench's log.
 */
public final class AcceptFailures extends ChannelInboundHandlerAdapter {

    static final long PAUSE_MILLIS = 1_000;
    static final long CONFIRM_MILLIS = 2 * PAUSE_MILLIS;
    private static final String TOO_MANY_OPEN_FILES = "too many open files";

    private final String server;
    private final Consumer<String> warnLog;
    /** Failures since accepting last worked; only the acceptor's thread touches these. */
    private long failures;
    private boolean confirming;
    /** Whether a connection was accepted after the latest failure. */
    private boolean acceptedSinceFailure;

    /** {@code server} names it in the lines, e.g. "Chat server". */
    public AcceptFailures(String server, Consumer<String> warnLog) {
        this.server = server;
        this.warnLog = warnLog;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object accepted) {
        if (failures > 0) {
            acceptedSinceFailure = true;
            if (!confirming) {
                confirmLater(ctx);
            }
        }
        ctx.fireChannelRead(accepted);
    }

    private void confirmLater(ChannelHandlerContext ctx) {
        confirming = true;
        long seen = failures;
        ctx.executor().schedule(() -> confirm(ctx, seen), CONFIRM_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Accepting works again if nothing failed since {@code seen}. If something did but a connection
     * was accepted after it, the confirmation waits again: the waiting connections may all have
     * been accepted by then, and without it no later accept would ever say that accepting works.
     */
    private void confirm(ChannelHandlerContext ctx, long seen) {
        confirming = false;
        if (failures == seen) {
            warnLog.accept(server + " accepts new connections again; " + failures + " attempts failed meanwhile");
            failures = 0;
        } else if (acceptedSinceFailure) {
            confirmLater(ctx);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        acceptedSinceFailure = false;
        if (failures++ == 0) {
            warnLog.accept(server + " cannot accept new connections: " + why(cause));
        }
        ctx.channel().config().setAutoRead(false);
        ctx.executor().schedule(() -> ctx.channel().config().setAutoRead(true), PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Why accepting failed, said the same on every transport (epoll says {@code accept(..) failed with error(-24): …}). */
    static String why(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        int tooMany = message.toLowerCase(Locale.ROOT).indexOf(TOO_MANY_OPEN_FILES);
        if (tooMany >= 0) {
            return message.substring(tooMany) + ": the connected clients are still served, new ones wait until some leave;"
                    + " raise the bench's limit (ulimit -n) for more clients";
        }
        return cause + "; trying again every second";
    }
}
