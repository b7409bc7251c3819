package io.fieldbench.chat.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.TooLongFrameException;

/** The framing decoders when the input ends in the middle of a message: what came is a message of its own. */
class FramesTest {

    private static final int MAX_FRAME = 16;

    private static EmbeddedChannel decoding(Framing framing, int prefixBytes) {
        EmbeddedChannel channel = new EmbeddedChannel();
        Frames.addDecoder(channel.pipeline(), framing, MAX_FRAME, prefixBytes);
        return channel;
    }

    private static ByteBuf text(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    /** Every message the channel passed on, as text, an unfinished one with its note in brackets. */
    private static List<String> messages(EmbeddedChannel channel) {
        List<String> messages = new ArrayList<>();
        for (Object message; (message = channel.readInbound()) != null;) {
            if (message instanceof ByteBuf bytes) {
                messages.add(bytes.toString(StandardCharsets.UTF_8));
                bytes.release();
            } else {
                Frames.Unfinished tail = (Frames.Unfinished) message;
                messages.add(new String(tail.bytes(), StandardCharsets.UTF_8) + " [" + tail.note() + "]");
            }
        }
        return messages;
    }

    @Test
    void aLineWithoutItsLfAtHalfCloseIsDeliveredAsUnfinished() {
        EmbeddedChannel channel = decoding(Framing.LINE, 2);
        channel.writeInbound(text("temp=4\ntemp=5"));
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        assertEquals(List.of("temp=4", "temp=5 [unfinished at close: no line end]"), messages(channel));
        assertFalse(channel.finish(), "delivered once, not again when the channel closes");
    }

    @Test
    void aCrlfLineCutAtCloseIsDeliveredWithWhatCame() {
        EmbeddedChannel channel = decoding(Framing.LINE, 2);
        channel.writeInbound(text("one\r\ntwo\r\nthr"));
        channel.finish();
        assertEquals(List.of("one", "two", "thr [unfinished at close: no line end]"), messages(channel));

        EmbeddedChannel cutInTheEnding = decoding(Framing.LINE, 2);
        cutInTheEnding.writeInbound(text("four\r"));
        cutInTheEnding.finish();
        assertEquals(List.of("four\r [unfinished at close: no line end]"), messages(cutInTheEnding), "the CR kept, nothing lost");
    }

    @Test
    void aTwoBytePrefixedMessageCutShortSaysWhatThePrefixPromised() {
        EmbeddedChannel channel = decoding(Framing.LENGTH, 2);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 2, 'o', 'k', 0, 5, 'a', 'b'}));
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        assertEquals(List.of("ok", "ab [truncated at close: the length prefix promised 5 bytes, 2 came]"), messages(channel));
    }

    @Test
    void aFourBytePrefixedMessageCutShortKeepsItsBytes() {
        EmbeddedChannel channel = decoding(Framing.LENGTH, 4);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 9, (byte) 0xC4, 0}));
        channel.finish();
        Frames.Unfinished tail = channel.readInbound();
        assertArrayEquals(new byte[] {(byte) 0xC4, 0}, tail.bytes(), "bytes no encoding reads are kept as they came");
        assertEquals("truncated at close: the length prefix promised 9 bytes, 2 came", tail.note());
    }

    @Test
    void aPrefixCutShortIsDeliveredAsItsBytes() {
        EmbeddedChannel channel = decoding(Framing.LENGTH, 4);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 1}));
        channel.finish();
        Frames.Unfinished tail = channel.readInbound();
        assertEquals("00 01", ShownText.hex(tail.bytes()));
        assertEquals("truncated at close: 2 of the 4 length prefix bytes came", tail.note());
    }

    @Test
    void nothingBegunMeansNothingMoreAtClose() {
        EmbeddedChannel line = decoding(Framing.LINE, 2);
        line.writeInbound(text("done\n"));
        EmbeddedChannel length = decoding(Framing.LENGTH, 2);
        length.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 2, 'o', 'k'}));
        assertEquals(List.of("done"), messages(line));
        assertEquals(List.of("ok"), messages(length));
        assertFalse(line.finish());
        assertFalse(length.finish());
    }

    @Test
    void theRestOfATooLongFrameIsNotDeliveredAgain() {
        EmbeddedChannel line = decoding(Framing.LINE, 2);
        assertThrows(TooLongFrameException.class, () -> line.writeInbound(text("x".repeat(MAX_FRAME + 4))));
        EmbeddedChannel length = decoding(Framing.LENGTH, 2);
        assertThrows(TooLongFrameException.class,
                () -> length.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, (byte) (MAX_FRAME + 4), 'x', 'y'})));
        assertFalse(line.finish(), "reported as too long already");
        assertFalse(length.finish(), "reported as too long already");
    }

    @Test
    void rawFramingPassesEachReadAndNothingAtClose() {
        EmbeddedChannel channel = decoding(Framing.RAW, 2);
        channel.writeInbound(text("temp=5"));
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        assertEquals(List.of("temp=5"), messages(channel));
        assertFalse(channel.finish());
    }
}
