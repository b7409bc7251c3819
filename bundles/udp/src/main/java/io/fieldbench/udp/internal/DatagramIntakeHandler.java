package io.fieldbench.udp.internal;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * Counts each datagram, copies it off the Netty buffer with its sender and time, and queues it for
 * the decode thread. It never waits: when the queue is full the datagram is counted as a queue
 * drop. The buffer is released here (the end of the pipeline).
 * <p>
 * A waiting decode thread is woken at once when a read leaves {@link #WAKE_AT} datagrams queued,
 * else {@value #WAKE_DELAY_MICROS} µs after the read: each wake-up costs both threads a system call
 * and a context switch (about 2 000 a second, 0.6 µs a datagram, in a blast on two cores when woken
 * after every read), and the decode thread's batches wait up to 20 ms anyway (BatchPublisher).
 */
final class DatagramIntakeHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    /** Datagrams queued that wake a waiting decode thread at once: a quarter of what it drains at a time. */
    static final int WAKE_AT = DecodeWorker.DRAIN_BATCH / 4;
    /** How long fewer datagrams may wait for the decode thread. */
    static final long WAKE_DELAY_MICROS = 1_000;

    private final DecodeQueue queue;
    private final CollectorCounters counters;
    private final Clock clock;
    /** A delayed wake-up is pending; on the I/O thread only. */
    private boolean wakeScheduled;

    DatagramIntakeHandler(DecodeQueue queue, CollectorCounters counters, Clock clock) {
        this.queue = queue;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        byte[] payload = ByteBufUtil.getBytes(packet.content());
        counters.received(payload.length);
        if (!queue.offer(new RawDatagram(packet.sender(), clock.instant(), payload))) {
            counters.queueDropped();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (queue.size() >= WAKE_AT) {
            queue.wakeConsumer();
        } else if (!wakeScheduled && queue.consumerWaits()) {
            wakeScheduled = true;
            ctx.executor().schedule(this::delayedWake, WAKE_DELAY_MICROS, TimeUnit.MICROSECONDS);
        }
        ctx.fireChannelReadComplete();
    }

    private void delayedWake() {
        wakeScheduled = false;
        queue.wakeConsumer();
    }
}
