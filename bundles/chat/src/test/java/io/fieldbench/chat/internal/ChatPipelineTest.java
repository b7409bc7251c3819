package io.fieldbench.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;

/** A client's pipeline without a socket: framing, byte counts, reasons, the outbound limit, max clients. */
class ChatPipelineTest {

    private final RecordingTraffic traffic = new RecordingTraffic();
    private final ClientRegistry registry = new ClientRegistry(2, Clock.systemUTC());

    private EmbeddedChannel channel(ChatSettings settings) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(InboundCounter.INSTANCE);
        ChatInitializer.addFraming(channel.pipeline(), settings);
        channel.pipeline().addLast(new ClientHandler(registry, traffic, settings.outboundLimitBytes()));
        channel.pipeline().fireChannelActive();
        return channel;
    }

    private static io.netty.buffer.ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    @Test
    void lineFramingCutsAtLfAndCrlfWhateverTheReads() {
        EmbeddedChannel channel = channel(TestConfig.framing("line").settings());
        channel.writeInbound(bytes("one\r\ntw"));
        channel.writeInbound(bytes("o\nthree"));
        assertEquals(List.of("1:one", "1:two"), traffic.received);
        assertEquals(14, registry.get(1).bytesIn(), "every byte counted, the unfinished line too");
    }

    @Test
    void aTooLongLineIsReportedAndTheNextLineStillArrives() {
        EmbeddedChannel channel = channel(TestConfig.framing("line").settings());
        channel.writeInbound(bytes("x".repeat(40) + "\nok\n"));
        assertEquals(1, traffic.rejected.size());
        assertEquals(List.of("1:ok"), traffic.received);
        assertTrue(channel.isActive());
    }

    @Test
    void lengthFramingReadsTwoAndFourBytePrefixes() {
        EmbeddedChannel two = channel(TestConfig.framing("length").settings());
        two.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 3, 'a', 'b'}));
        two.writeInbound(Unpooled.wrappedBuffer(new byte[] {'c', 0, 1, 'd'}));
        EmbeddedChannel four = channel(new TestConfig("length", 4, "UTF-8", 16, 1 << 20).settings());
        four.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 2, 'h', 'i'}));
        assertEquals(List.of("1:abc", "1:d", "2:hi"), traffic.received);
    }

    @Test
    void rawFramingPassesEachReadAndShowsInvalidBytes() {
        EmbeddedChannel channel = channel(TestConfig.framing("raw").settings());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'o', 'k', (byte) 0xC4, '\n'}));
        assertEquals(List.of("1:ok\\xC4\\x0A"), traffic.received);
    }

    @Test
    void framesAreEncodedAsTheFramingSays() {
        byte[] hi = "hi".getBytes(StandardCharsets.UTF_8);
        assertEquals("hi", new String(Frames.encode(TestConfig.framing("raw").settings(), hi), StandardCharsets.UTF_8));
        assertEquals("hi\n", new String(Frames.encode(TestConfig.framing("line").settings(), hi), StandardCharsets.UTF_8));
        assertEquals("00 02 68 69", ShownText.hex(Frames.encode(TestConfig.framing("length").settings(), hi)));
        assertEquals("00 00 00 02 68 69",
                ShownText.hex(Frames.encode(new TestConfig("length", 4, "UTF-8", 16, 1 << 20).settings(), hi)));
    }

    @Test
    void halfCloseIdleAndResetEndTheConnectionWithTheirReason() {
        EmbeddedChannel halfClosed = channel(TestConfig.framing("line").settings());
        halfClosed.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        EmbeddedChannel idle = channel(TestConfig.framing("line").settings());
        idle.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        EmbeddedChannel reset = channel(TestConfig.framing("raw").settings());
        reset.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));

        assertFalse(halfClosed.isOpen());
        assertEquals(List.of(DisconnectReason.CLOSED_BY_PEER, DisconnectReason.IDLE_TIMEOUT, DisconnectReason.RESET),
                traffic.disconnected);
    }

    @Test
    void clientsBeyondTheMaximumAreRefused() {
        channel(TestConfig.framing("raw").settings());
        channel(TestConfig.framing("raw").settings());
        EmbeddedChannel third = channel(TestConfig.framing("raw").settings());
        assertFalse(third.isOpen());
        assertEquals(List.of(DisconnectReason.TOO_MANY_CLIENTS), traffic.refused);
        assertEquals(2, registry.size());
    }

    @Test
    void aClientWithMoreThanTheLimitWaitingIsDisconnectedAsTooSlow() {
        EmbeddedChannel channel = channel(new TestConfig("raw", 2, "UTF-8", 16, 4096).settings());
        // EmbeddedChannel writes out at flush; unflushed writes wait as they do for a client that does not read
        channel.write(Unpooled.wrappedBuffer(new byte[3000]));
        assertTrue(channel.isOpen());
        channel.write(Unpooled.wrappedBuffer(new byte[3000]));
        assertFalse(channel.isOpen());
        assertEquals(List.of(DisconnectReason.TOO_SLOW), traffic.disconnected);
    }
}
