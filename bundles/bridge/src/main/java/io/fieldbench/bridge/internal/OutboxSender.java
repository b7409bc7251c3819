package io.fieldbench.bridge.internal;

import java.io.IOException;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sends what the {@link Outbox} holds while the broker is connected: live messages as they come,
 * and the backlog of an absence (from the last acknowledged message up to the reconnection) at a
 * limited rate beside them, so live data keeps flowing during a catch-up. At most
 * {@code maxInflight} messages wait for their acknowledgement. The outbox's acknowledged mark
 * follows the oldest message not yet acknowledged.
 * <p>
 * Runs on the bridge's thread; acknowledgements arrive on the client's threads and are queued.
 */
final class OutboxSender {

    /** The broker while connected: publishes one message, completing with its acknowledgement. */
    interface Link {
        CompletableFuture<?> publish(String topic, byte[] payload);
    }

    /** Why a message was not acknowledged: the broker refused it (counted, not sent again), or the connection broke. */
    interface Failures {
        boolean refusedByBroker(Throwable failure);
    }

    private record Ack(int epoch, long index, Throwable failure) {
    }

    private final Outbox outbox;
    private final int maxInflight;
    private final Failures failures;
    private final Runnable wake;
    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final TreeSet<Long> inflight = new TreeSet<>();
    private final TokenBucket replay;
    private Link link;
    private int epoch;
    private Outbox.Reader live;
    private Outbox.Reader backlog;
    private long backlogEnd;
    private long published;
    private long refused;
    private String lastRefusal = "";

    OutboxSender(Outbox outbox, int maxInflight, int replayPerSecond, Failures failures, Runnable wake) {
        this.outbox = outbox;
        this.maxInflight = maxInflight;
        this.replay = new TokenBucket(replayPerSecond);
        this.failures = failures;
        this.wake = wake;
    }

    /** The broker is there: the backlog (unacknowledged messages) is replayed, new messages go live. */
    void connected(Link link) throws IOException {
        reset();
        this.link = link;
        backlogEnd = outbox.next();
        backlog = outbox.acked() < backlogEnd ? outbox.readFrom(outbox.acked()) : null;
        live = outbox.readFrom(backlogEnd);
    }

    /** The broker is gone: nothing more is sent; what waited for acknowledgement is sent again later. */
    void disconnected() throws IOException {
        reset();
    }

    private void reset() throws IOException {
        epoch++;
        inflight.clear();
        link = null;
        for (Outbox.Reader reader : new Outbox.Reader[] {live, backlog}) {
            if (reader != null) {
                reader.close();
            }
        }
        live = null;
        backlog = null;
    }

    /** Takes the acknowledgements that came, then sends while the window allows; any time, on the bridge thread. */
    void pump(long nowNanos) throws IOException {
        for (Ack ack; (ack = acks.poll()) != null;) {
            acknowledged(ack);
        }
        while (link != null && inflight.size() < maxInflight) {
            Outbox.Entry entry = live.next();
            if (entry == null && !backlogDone() && replay.take(nowNanos)) {
                entry = backlog.next();
                if (entry != null && entry.index() >= backlogEnd) {
                    entry = null; // live sending has it
                }
            }
            if (entry == null) {
                break;
            }
            send(entry);
        }
        backlogDone();
        long oldest = live == null ? Long.MAX_VALUE : live.position();
        if (backlog != null) {
            oldest = Math.min(oldest, backlog.position());
        }
        if (!inflight.isEmpty()) {
            oldest = Math.min(oldest, inflight.first());
        }
        if (oldest != Long.MAX_VALUE) {
            outbox.acknowledge(oldest);
        }
    }

    /** Whether the backlog of the last absence has all been sent (it ends where live sending began). */
    private boolean backlogDone() throws IOException {
        if (backlog != null && backlog.position() >= backlogEnd) {
            backlog.close();
            backlog = null;
        }
        return backlog == null;
    }

    private void send(Outbox.Entry entry) {
        int sentIn = epoch;
        long index = entry.index();
        inflight.add(index);
        link.publish(entry.topic(), entry.payload()).whenComplete((result, failure) -> {
            acks.add(new Ack(sentIn, index, failure));
            wake.run();
        });
    }

    private void acknowledged(Ack ack) {
        if (ack.epoch() != epoch) {
            return; // of a connection that is gone: its messages are sent again
        }
        if (ack.failure() == null) {
            inflight.remove(ack.index());
            published++;
        } else if (failures.refusedByBroker(ack.failure())) {
            inflight.remove(ack.index());
            refused++;
            lastRefusal = String.valueOf(ack.failure().getMessage());
        }
        // else the connection broke: the message stays unacknowledged until the reconnection replays it
    }

    /** Whether the backlog of an absence is still being replayed. */
    boolean catchingUp() {
        return backlog != null;
    }

    /** Whether more could be sent now but for the replay rate (the caller should pump again soon). */
    boolean waitsForRate() {
        return link != null && backlog != null && inflight.size() < maxInflight;
    }

    long published() {
        return published;
    }

    long refused() {
        return refused;
    }

    String lastRefusal() {
        return lastRefusal;
    }

    /** At most {@code perSecond} a second, with a burst of one second's worth. */
    static final class TokenBucket {

        private static final long NANOS_PER_SECOND = 1_000_000_000L;
        private final int perSecond;
        private double tokens;
        private long last = Long.MIN_VALUE;

        TokenBucket(int perSecond) {
            this.perSecond = perSecond;
        }

        boolean take(long nowNanos) {
            if (last != Long.MIN_VALUE) {
                tokens = Math.min(perSecond, tokens + (nowNanos - last) * (double) perSecond / NANOS_PER_SECOND);
            } else {
                tokens = perSecond;
            }
            last = nowNanos;
            if (tokens >= 1) {
                tokens--;
                return true;
            }
            return false;
        }
    }
}
