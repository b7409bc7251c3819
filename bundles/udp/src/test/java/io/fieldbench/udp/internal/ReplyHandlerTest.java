package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;

class ReplyHandlerTest {

    private static final InetSocketAddress COLLECTOR = new InetSocketAddress("127.0.0.1", 9999);
    private static final InetSocketAddress DEVICE = new InetSocketAddress("127.0.0.1", 40_001);
    private static final Charset GBK = Charset.forName("GBK");

    private final CollectorCounters counters = new CollectorCounters();

    private EmbeddedChannel channel(ReplyMode mode, String template, Charset charset) {
        return new EmbeddedChannel(new ReplyHandler(() -> new ReplyPolicy(mode, template, charset), counters));
    }

    private static DatagramPacket packet(byte[] payload) {
        return new DatagramPacket(Unpooled.wrappedBuffer(payload), COLLECTOR, DEVICE);
    }

    @Test
    void echoSendsTheDatagramBackToItsSenderAndPassesItOn() {
        EmbeddedChannel channel = channel(ReplyMode.ECHO, "", StandardCharsets.UTF_8);

        channel.writeInbound(packet("t=21.5".getBytes(StandardCharsets.UTF_8)));

        DatagramPacket reply = channel.readOutbound();
        assertEquals(DEVICE, reply.recipient());
        assertEquals("t=21.5", reply.content().toString(StandardCharsets.UTF_8));
        reply.release();
        DatagramPacket passedOn = channel.readInbound();
        assertEquals("t=21.5", passedOn.content().toString(StandardCharsets.UTF_8), "the reply must not consume the bytes");
        passedOn.release();
        assertFalse(channel.finish());
    }

    @Test
    void anEmptyDatagramGetsNoReplyButIsPassedOn() {
        EmbeddedChannel channel = channel(ReplyMode.ECHO, "", StandardCharsets.UTF_8);

        channel.writeInbound(packet(new byte[0]));

        assertNull(channel.readOutbound());
        DatagramPacket passedOn = channel.readInbound();
        assertEquals(1, passedOn.content().refCnt(), "the echo's duplicate was released");
        passedOn.release();
        assertFalse(channel.finish());
    }

    @Test
    void ackPutsTheReceivedTextIntoTheTemplate() {
        assertEquals("Received:id=7 t=1", new String(ack("Received:%s", StandardCharsets.UTF_8,
                "id=7 t=1".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    @Test
    void ackSpeaksTheChosenEncodingAndKeepsPercentSignsAsTheyAre() {
        assertEquals("收到 温度=21 %d 100%", new String(ack("收到 %s 100%", GBK, "温度=21 %d".getBytes(GBK)), GBK));
    }

    @Test
    void ackSplicesTheDatagramsOwnBytesInUnchangedAsTheTelemetryTutorialDoes() {
        byte[] binary = {(byte) 0xFF, 0, (byte) 0x80, 'A', (byte) 0xC3};
        byte[] expected = {'R', 'e', 'c', 'e', 'i', 'v', 'e', 'd', ':', (byte) 0xFF, 0, (byte) 0x80, 'A', (byte) 0xC3};

        assertArrayEquals(expected, ack("Received:%s", StandardCharsets.UTF_8, binary));
    }

    @Test
    void aTemplateWithoutTheMarkIsAFixedAnswer() {
        assertEquals("nice to meet you", new String(ack("nice to meet you", StandardCharsets.UTF_8,
                "Michael".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    /** The ack a datagram gets with this template: the reply's bytes, sent to the datagram's sender. */
    private byte[] ack(String template, Charset charset, byte[] payload) {
        EmbeddedChannel channel = channel(ReplyMode.ACK, template, charset);

        channel.writeInbound(packet(payload));

        DatagramPacket reply = channel.readOutbound();
        assertEquals(DEVICE, reply.recipient());
        byte[] bytes = ByteBufUtil.getBytes(reply.content());
        reply.release();
        ((DatagramPacket) channel.readInbound()).release();
        assertFalse(channel.finish());
        return bytes;
    }

    @Test
    void noneSendsNothing() {
        EmbeddedChannel channel = channel(ReplyMode.NONE, "Received:%s", StandardCharsets.UTF_8);
        DatagramPacket sent = packet(new byte[] {1, 2, 3});

        channel.writeInbound(sent);

        assertNull(channel.readOutbound());
        DatagramPacket passedOn = channel.readInbound();
        assertSame(sent, passedOn);
        passedOn.release();
        assertFalse(channel.finish());
        assertEquals(0, counters.totals(-1).replyFailures());
    }

    @Test
    void aRefusedReplyIsCountedNotThrown() {
        EmbeddedChannel channel = new EmbeddedChannel(
                new io.netty.channel.ChannelOutboundHandlerAdapter() {
                    @Override
                    public void write(io.netty.channel.ChannelHandlerContext ctx, Object msg, io.netty.channel.ChannelPromise promise) {
                        io.netty.util.ReferenceCountUtil.release(msg);
                        promise.setFailure(new java.io.IOException("Message too long"));
                    }
                },
                new ReplyHandler(() -> new ReplyPolicy(ReplyMode.ECHO, "", StandardCharsets.UTF_8), counters));

        channel.writeInbound(packet(new byte[] {42}));

        assertEquals(1, counters.totals(-1).replyFailures());
        ((DatagramPacket) channel.readInbound()).release();
        assertFalse(channel.finish());
    }
}
