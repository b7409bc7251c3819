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

    /** {@code server} names it in the lines, e.g. "Chat server". */
    public AcceptFailures(String server, Consumer<String> warnLog) {
        this.server = server;
        this.warnLog = warnLog;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object accepted) {
        if (failures > 0 && !confirming) {
            confirming = true;
            long seen = failures;
            ctx.executor().schedule(() -> confirm(seen), CONFIRM_MILLIS, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelRead(accepted);
    }

    private void confirm(long seen) {
        confirming = false;
        if (failures == seen) {
            warnLog.accept(server + " accepts new connections again; " + failures + " attempts failed meanwhile");
            failures = 0;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failures++ == 0) {
            warnLog.accept(server + " cannot accept new connections: " + why(cause));
        }
        ctx.channel().config().setAutoRead(false);
        ctx.executor().schedule(() -> ctx.channel().config().setAutoRead(true), PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    static String why(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.toLowerCase(Locale.ROOT).startsWith(TOO_MANY_OPEN_FILES)) {
            return message + ": the connected clients are still served, new ones wait until some leave;"
                    + " raise the bench's limit (ulimit -n) for more clients";
        }
        return cause + "; trying again every second";
    }
}
