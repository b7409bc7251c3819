package io.fieldbench.server.support.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.netty.channel.embedded.EmbeddedChannel;

/** Failing accepts are told once and pause accepting; the next accepted connection is told too. */
class AcceptFailuresTest {

    private final List<String> lines = new ArrayList<>();
    private final EmbeddedChannel listening = new EmbeddedChannel(new AcceptFailures("Chat server", lines::add));

    @Test
    void aRunOfFailuresIsOneLineAndTheRecoveryAnother() {
        listening.freezeTime();
        IOException tooMany = new IOException("Too many open files");
        listening.pipeline().fireExceptionCaught(tooMany);
        listening.pipeline().fireExceptionCaught(tooMany);
        listening.pipeline().fireExceptionCaught(tooMany);
        assertEquals(List.of("Chat server cannot accept new connections: Too many open files: the connected clients are"
                + " still served, new ones wait until some leave; raise the bench's limit (ulimit -n) for more clients"), lines);
        listening.checkException(); // the failure ends here: nothing logs it again at the pipeline's tail

        Object accepted = new Object();
        listening.writeInbound(accepted);
        assertSame(accepted, listening.readInbound(), "the accepted connection goes on to the acceptor");
        listening.advanceTimeBy(AcceptFailures.CONFIRM_MILLIS, TimeUnit.MILLISECONDS);
        listening.runScheduledPendingTasks();
        assertEquals("Chat server accepts new connections again; 3 attempts failed meanwhile", lines.get(1));
        listening.writeInbound(new Object());
        listening.advanceTimeBy(AcceptFailures.CONFIRM_MILLIS, TimeUnit.MILLISECONDS);
        listening.runScheduledPendingTasks();
        assertEquals(2, lines.size(), "accepting as usual says nothing");
        listening.finishAndReleaseAll();
    }

    @Test
    void acceptingThatWorksAndFailsByTurnsIsNotToldAsWorkingAgain() {
        listening.freezeTime();
        listening.pipeline().fireExceptionCaught(new IOException("Too many open files"));
        listening.writeInbound(new Object()); // a client left: one file free, taken at once by a waiting connection
        listening.pipeline().fireExceptionCaught(new IOException("Too many open files"));
        listening.advanceTimeBy(AcceptFailures.CONFIRM_MILLIS, TimeUnit.MILLISECONDS);
        listening.runScheduledPendingTasks();
        assertEquals(1, lines.size(), "still failing: " + lines);
        listening.writeInbound(new Object());
        listening.advanceTimeBy(AcceptFailures.CONFIRM_MILLIS, TimeUnit.MILLISECONDS);
        listening.runScheduledPendingTasks();
        assertEquals("Chat server accepts new connections again; 2 attempts failed meanwhile", lines.get(1));
        listening.finishAndReleaseAll();
    }

    /**
     * The last connections waiting are accepted after a failure that came while the recovery was
     * being confirmed: no connection comes after them, and the recovery is still told (two servers
     * taking the freed files by turns, as the chat server and the image relay do, end like this).
     */
    @Test
    void aFailureWhileTheRecoveryIsConfirmedDelaysTheLineButDoesNotLoseIt() {
        listening.freezeTime();
        listening.pipeline().fireExceptionCaught(new IOException("Too many open files"));
        listening.writeInbound(new Object()); // the recovery is confirmed in two seconds
        listening.advanceTimeBy(AcceptFailures.PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        listening.pipeline().fireExceptionCaught(new IOException("Too many open files"));
        listening.writeInbound(new Object()); // the last waiting connection; none comes after it
        listening.advanceTimeBy(AcceptFailures.CONFIRM_MILLIS - AcceptFailures.PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        listening.runScheduledPendingTasks();
        assertEquals(1, lines.size(), "a failure came after the first accept: not yet confirmed");
        listening.advanceTimeBy(AcceptFailures.CONFIRM_MILLIS, TimeUnit.MILLISECONDS);
        listening.runScheduledPendingTasks();
        assertEquals("Chat server accepts new connections again; 2 attempts failed meanwhile", lines.get(1));
        listening.finishAndReleaseAll();
    }

    @Test
    void aFailurePausesAcceptingForASecond() {
        listening.freezeTime();
        listening.pipeline().fireExceptionCaught(new IOException("Too many open files"));
        assertFalse(listening.config().isAutoRead(), "no accept is tried at once again: the waiting connection would spin it");
        listening.advanceTimeBy(AcceptFailures.PAUSE_MILLIS - 1, TimeUnit.MILLISECONDS);
        listening.runScheduledPendingTasks();
        assertFalse(listening.config().isAutoRead(), "still paused just before the second is over");
        listening.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        listening.runScheduledPendingTasks();
        assertTrue(listening.config().isAutoRead(), "accepting is tried again after the pause");
        assertTrue(lines.get(0).endsWith("(ulimit -n) for more clients"));
    }

    @Test
    void epollsWordsForTooManyOpenFilesAreToldAsNiosAre() {
        assertEquals(AcceptFailures.why(new IOException("Too many open files")),
                AcceptFailures.why(new IOException("accept(..) failed with error(-24): Too many open files")));
    }

    @Test
    void anotherFailureIsToldAsItIs() {
        listening.pipeline().fireExceptionCaught(new IOException("Protocol error"));
        assertEquals("Chat server cannot accept new connections: java.io.IOException: Protocol error; trying again every second",
                lines.get(0));
    }
}
