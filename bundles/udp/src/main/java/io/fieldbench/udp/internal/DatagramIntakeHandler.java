package io.fieldbench.udp.internal;

import java.time.Clock;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * Counts each datagram, copies it off the Netty buffer with its sender and time, and queues it for
 * the decode thread. It never waits: when the queue is full the datagram is counted as a queue
 * drop. The buffer is released here (the end of the pipeline). The decode thread is woken once
 * the socket has no more to read for now, not for each datagram.
 */
final class DatagramIntakeHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private final DecodeQueue queue;
    private final CollectorCounters counters;
    private final Clock clock;

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
        queue.wakeConsumer();
        ctx.fireChannelReadComplete();
    }
}
