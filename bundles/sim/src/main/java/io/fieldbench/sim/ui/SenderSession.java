package io.fieldbench.sim.ui;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import io.fieldbench.sim.DatagramSender;
import io.fieldbench.sim.Heartbeat;
import io.fieldbench.sim.Reply;
import io.fieldbench.sim.Target;
import io.fieldbench.support.DaemonThreads;

/**
 * The Sender view's socket and heartbeat, kept off the Swing thread: name lookups and sends run
 * on one worker thread, replies wait in a bounded queue for the view to take them. The socket
 * opens on the first send and keeps its port, so a device that answers later still reaches it.
 */
final class SenderSession implements AutoCloseable {

    /** Replies waiting for the view; beyond this, newer ones are counted as missed. */
    static final int REPLY_QUEUE = 2_000;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("fieldbench-sender"));
    private final BlockingQueue<Reply> replies = new ArrayBlockingQueue<>(REPLY_QUEUE);
    private final AtomicLong sentOnce = new AtomicLong();
    private final AtomicLong failedOnce = new AtomicLong();
    private final AtomicLong missedReplies = new AtomicLong();
    private volatile String problem = "";
    private volatile int localPort;
    private volatile Heartbeat heartbeat;
    private DatagramSender sender;
    private volatile long heartbeatSentBefore;
    private volatile long heartbeatFailedBefore;

    /** Sends one datagram soon. */
    void sendOnce(Target target, byte[] payload) {
        worker.execute(() -> {
            try {
                socket().send(resolve(target), payload);
                sentOnce.incrementAndGet();
                problem = "";
            } catch (IOException e) {
                failedOnce.incrementAndGet();
                problem = message(target, e);
            }
        });
    }

    /** Sends the datagram every period until {@link #stopHeartbeat()}; replaces a running heartbeat. */
    void startHeartbeat(Target target, byte[] payload, long periodMillis) {
        worker.execute(() -> {
            stopBeating();
            try {
                heartbeat = new Heartbeat(socket(), resolve(target), payload, periodMillis);
                problem = "";
            } catch (IOException e) {
                problem = message(target, e);
            }
        });
    }

    void stopHeartbeat() {
        worker.execute(this::stopBeating);
    }

    private void stopBeating() {
        Heartbeat beating = heartbeat;
        if (beating != null) {
            beating.close();
            heartbeatSentBefore += beating.sent();
            heartbeatFailedBefore += beating.failed();
            heartbeat = null;
        }
    }

    boolean beating() {
        return heartbeat != null;
    }

    /** Datagrams sent, once and by heartbeats together. */
    long sent() {
        Heartbeat beating = heartbeat;
        return sentOnce.get() + heartbeatSentBefore + (beating == null ? 0 : beating.sent());
    }

    /** Datagrams the socket refused. */
    long failed() {
        Heartbeat beating = heartbeat;
        return failedOnce.get() + heartbeatFailedBefore + (beating == null ? 0 : beating.failed());
    }

    /** The latest problem, such as an unknown host, or empty. */
    String problem() {
        Heartbeat beating = heartbeat;
        return beating != null && !beating.problem().isEmpty() ? beating.problem() : problem;
    }

    /** The port replies come to, once the socket is open; otherwise 0. */
    int localPort() {
        return localPort;
    }

    /** Replies the view has not taken because it fell behind. */
    long missedReplies() {
        return missedReplies.get();
    }

    void drainReplies(Collection<Reply> into, int max) {
        replies.drainTo(into, max);
    }

    private DatagramSender socket() throws IOException {
        if (sender == null) {
            sender = new DatagramSender(reply -> {
                if (!replies.offer(reply)) {
                    missedReplies.incrementAndGet();
                }
            });
            localPort = sender.localPort();
        }
        return sender;
    }

    private static InetSocketAddress resolve(Target target) throws UnknownHostException {
        return target.resolve();
    }

    private static String message(Target target, IOException e) {
        return e instanceof UnknownHostException ? "unknown host '" + target.host() + "'"
                : "cannot send to " + target + ": " + e.getMessage();
    }

    /** Stops the heartbeat and closes the socket, on the worker after what is queued. */
    @Override
    public void close() {
        worker.execute(() -> {
            stopBeating();
            if (sender != null) {
                try {
                    sender.close();
                } catch (IOException e) {
                    problem = String.valueOf(e.getMessage());
                }
            }
        });
        worker.shutdown();
    }
}
