package io.fieldbench.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * A client's pipeline without a socket: framing, byte counts, reasons, the outbound limit, max
 * clients, the deadline for finishing a message.
 */
class ChatPipelineTest {

    private final RecordingTraffic traffic = new RecordingTraffic();
    private final ClientRegistry<ChatClient> registry = new ClientRegistry<>("chat", 2, Clock.systemUTC());

    private EmbeddedChannel channel(ChatSettings settings) {
        return EmbeddedClients.connect(registry, traffic, settings);
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
    void aLineUnfinishedAtHalfCloseArrivesBeforeTheDisconnect() {
        EmbeddedChannel channel = channel(TestConfig.framing("line").settings());
        channel.writeInbound(bytes("temp=4\ntemp=5"));
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        assertEquals(List.of("1:temp=4", "1:temp=5 [unfinished at close: no line end]"), traffic.received);
        assertEquals(List.of(DisconnectReason.CLOSED_BY_PEER), traffic.disconnected);
        assertFalse(channel.isOpen());
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

    @Test
    void aClientThatTricklesALineWithoutEverFinishingItIsDisconnectedAsSlowloris() {
        EmbeddedChannel channel = channel(TestConfig.framing("line").frameTimeout(10).settings());
        channel.writeInbound(bytes("GET"));
        for (int second = 1; second <= 9; second++) {
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.writeInbound(bytes("x"));
            channel.runScheduledPendingTasks();
        }
        assertTrue(channel.isOpen(), "9 s into a 10 s deadline");
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.writeInbound(bytes("y"));
        channel.runScheduledPendingTasks();
        assertFalse(channel.isOpen(), "never idle, yet the line was begun 10 s ago");
        assertEquals(List.of(DisconnectReason.SLOWLORIS), traffic.disconnected);
        assertEquals(List.of("1:GETxxxxxxxxxy [unfinished at close: no line end]"), traffic.received,
                "what it sent is delivered when it is cut off, marked unfinished");
        assertEquals("too slow to finish a message (slowloris)", DisconnectReason.SLOWLORIS.text());
    }

    @Test
    void aClientThatKeepsFinishingMessagesKeepsItsConnection() {
        EmbeddedChannel line = channel(TestConfig.framing("line").frameTimeout(10).settings());
        EmbeddedChannel length = channel(TestConfig.framing("length").frameTimeout(10).settings());
        line.writeInbound(bytes("o"));
        length.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 2}));
        // each read finishes a message and begins the next: the deadline starts again with each
        for (int read = 1; read <= 30; read++) {
            line.advanceTimeBy(6, TimeUnit.SECONDS);
            length.advanceTimeBy(6, TimeUnit.SECONDS);
            line.writeInbound(bytes("ne\no"));
            length.writeInbound(Unpooled.wrappedBuffer(new byte[] {'o', 'k', 0, 2}));
            line.runScheduledPendingTasks();
            length.runScheduledPendingTasks();
        }
        assertTrue(line.isOpen());
        assertTrue(length.isOpen());
        assertEquals(List.of(), traffic.disconnected);
        assertEquals(60, traffic.received.size());
        assertEquals(List.of("1:one", "2:ok"), traffic.received.subList(0, 2));
    }

    @Test
    void nothingHalfSentMeansNoDeadline() {
        EmbeddedChannel between = channel(TestConfig.framing("line").frameTimeout(10).settings());
        between.writeInbound(bytes("done\n"));
        EmbeddedChannel off = channel(new TestConfig("line", 2, "UTF-8", 16, 4096, 0).settings());
        off.writeInbound(bytes("half"));
        for (EmbeddedChannel channel : List.of(between, off)) {
            channel.advanceTimeBy(60, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
            assertTrue(channel.isOpen());
        }
        assertEquals(List.of(), traffic.disconnected);
    }

    @Test
    void theDeadlineIsThereOnlyForLineAndLengthFramingAndNotAtZero() {
        assertTrue(framingHandlers(TestConfig.framing("line").frameTimeout(10)).contains("frame-timeout"));
        assertTrue(framingHandlers(TestConfig.framing("length").frameTimeout(10)).contains("frame-timeout"));
        assertFalse(framingHandlers(TestConfig.framing("raw").frameTimeout(10)).contains("frame-timeout"));
        assertFalse(framingHandlers(TestConfig.framing("line").frameTimeout(0)).contains("frame-timeout"));
    }

    private static List<String> framingHandlers(TestConfig config) {
        EmbeddedChannel channel = new EmbeddedChannel();
        ChatInitializer.addFraming(channel.pipeline(), config.settings());
        ChatInitializer.addFrameTimeout(channel.pipeline(), config.settings());
        return channel.pipeline().names();
    }
}
