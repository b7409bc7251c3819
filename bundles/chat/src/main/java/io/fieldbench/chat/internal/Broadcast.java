package io.fieldbench.chat.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;

/**
 * One message on its way to many clients. The message is framed once per framing the clients
 * connected with, into one direct buffer that every write shares (a duplicate each, no copy), and
 * each event loop gets one task that writes it to all of its own clients, rather than one task per
 * client handed over from the caller's thread. Each write goes through the client's pipeline, so
 * its outbound limit still disconnects a client that does not read.
 */
public final class Broadcast implements ChannelFutureListener {

    /**
     * What became of a broadcast: how many clients it was for, how many had it written to their
     * socket (the others left or were dropped meanwhile), and the time from the request until the
     * last write completed.
     */
    public record Delivery(int clients, int written, long nanos) {

        public double millis() {
            return nanos / 1e6;
        }
    }

    private final long startNanos;
    private final int bytes;
    private final int clients;
    private final AtomicInteger pending;
    private final AtomicInteger written = new AtomicInteger();
    private final CompletableFuture<Delivery> delivered = new CompletableFuture<>();

    private Broadcast(long startNanos, int bytes, int clients) {
        this.startNanos = startNanos;
        this.bytes = bytes;
        this.clients = clients;
        this.pending = new AtomicInteger(clients);
    }

    /**
     * Starts writing {@code message} to every client; does not wait for the writes. The time of
     * {@link Delivery#nanos()} counts from {@code startNanos} ({@link System#nanoTime()}).
     *
     * @throws IllegalArgumentException when the message does not fit a client's framing; then it goes to none
     */
    static Broadcast send(Collection<ChatClient> to, byte[] message, ChatClient.Kept kept, long startNanos) {
        Map<EventLoop, List<ChatClient>> byLoop = new IdentityHashMap<>();
        Map<ChatSettings, byte[]> framed = new IdentityHashMap<>();
        for (ChatClient client : to) {
            byLoop.computeIfAbsent(client.channel().eventLoop(), loop -> new ArrayList<>()).add(client);
            framed.computeIfAbsent(client.settings(), settings -> Frames.encode(settings, message));
        }
        Broadcast broadcast = new Broadcast(startNanos, message.length, byLoop.values().stream().mapToInt(List::size).sum());
        // unpooled: one frame a broadcast needs no pool, and for the console command's thread that calls
        // this, Netty's pool took and zeroed a new 4 MiB chunk at most broadcasts (see benchmarks.md)
        Map<ChatSettings, ByteBuf> frames = new IdentityHashMap<>();
        framed.forEach((settings, bytes) -> frames.put(settings, Unpooled.directBuffer(bytes.length).writeBytes(bytes)));
        try {
            byLoop.forEach((loop, clients) -> broadcast.handTo(loop, clients, frames, kept));
        } finally {
            frames.values().forEach(ByteBuf::release);
        }
        if (broadcast.clients == 0) {
            broadcast.complete();
        }
        return broadcast;
    }

    /** How many clients it is for. */
    public int clients() {
        return clients;
    }

    /** Completes once every write has completed or failed. */
    public CompletableFuture<Delivery> delivered() {
        return delivered;
    }

    /** What became of it, or how far it is, for a person. */
    public String summary() {
        String sent = bytes + " bytes to " + clients + " clients: ";
        Delivery delivery = delivered.getNow(null);
        if (delivery == null) {
            return sent + "on " + written.get() + " of their sockets so far";
        }
        String time = String.format(Locale.ROOT, "%.1f ms", delivery.millis());
        int missed = clients - delivery.written();
        return missed == 0 ? sent + "on all their sockets in " + time
                : sent + "on " + delivery.written() + " of their sockets in " + time + "; " + missed + " left before it was written";
    }

    /** The loop's task holds its own reference to each frame until it has written to all its clients. */
    private void handTo(EventLoop loop, List<ChatClient> clients, Map<ChatSettings, ByteBuf> frames, ChatClient.Kept kept) {
        frames.values().forEach(ByteBuf::retain);
        try {
            loop.execute(() -> writeTo(clients, frames, kept));
        } catch (RejectedExecutionException stopping) {
            frames.values().forEach(ByteBuf::release);
            clients.forEach(client -> done(false));
        }
    }

    private void writeTo(List<ChatClient> clients, Map<ChatSettings, ByteBuf> frames, ChatClient.Kept kept) {
        try {
            for (ChatClient client : clients) {
                client.keep(kept);
                client.channel().writeAndFlush(frames.get(client.settings()).retainedDuplicate()).addListener(this);
            }
        } finally {
            frames.values().forEach(ByteBuf::release);
        }
    }

    @Override
    public void operationComplete(ChannelFuture write) {
        done(write.isSuccess());
    }

    private void done(boolean success) {
        if (success) {
            written.incrementAndGet();
        }
        if (pending.decrementAndGet() == 0) {
            complete();
        }
    }

    private void complete() {
        delivered.complete(new Delivery(clients, written.get(), System.nanoTime() - startNanos));
    }
}
