package io.fieldbench.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;

/**
 * The framing decoders on any byte stream, cut into reads in any way. An input's first byte picks
 * the framing, its second how the stream is cut (0: a byte at a time, else reads of random sizes
 * seeded by it), and the rest is the stream. The stream cut that way gives the same messages and
 * refusals as the stream in one read (raw framing: the same bytes); no message is longer than the
 * limit; and every buffer is released once the connection closes.
 */
class FramesFuzzTest {

    private static final int MAX_FRAME = 64;
    private static final HexFormat HEX = HexFormat.of();

    /** A framing as the settings choose it. */
    private record Variant(Framing framing, int prefixBytes) {
    }

    private static final Variant[] VARIANTS = {
        new Variant(Framing.LINE, 2), new Variant(Framing.LENGTH, 2), new Variant(Framing.LENGTH, 4),
        new Variant(Framing.RAW, 2),
    };

    @FuzzTest
    void anyStreamCutAnyWayGivesTheSameMessages(byte[] input) {
        if (input.length < 2) {
            return;
        }
        Variant variant = VARIANTS[input[0] & 3];
        byte[] stream = Arrays.copyOfRange(input, 2, input.length);
        Reading whole = read(variant, stream, List.of(stream.length));
        Reading cut = read(variant, stream, cuts(stream.length, input[1]));
        if (variant.framing() == Framing.RAW) {
            assertEquals(HEX.formatHex(stream), String.join("", cut.messages()), "raw: the bytes as they came");
        } else {
            assertEquals(whole.messages(), cut.messages(), "the stream in one read, and cut into reads");
        }
    }

    /** The sizes of the reads: one byte each, or random sizes seeded by the input. */
    private static List<Integer> cuts(int length, byte seed) {
        List<Integer> reads = new ArrayList<>();
        Random random = new Random(seed);
        for (int left = length; left > 0;) {
            int read = seed == 0 ? 1 : Math.min(left, 1 + random.nextInt(2 * MAX_FRAME));
            reads.add(read);
            left -= read;
        }
        return reads;
    }

    /** What the decoder passed on, the stream arriving in reads of these sizes and then the connection closing. */
    private static Reading read(Variant variant, byte[] stream, List<Integer> reads) {
        UnpooledByteBufAllocator memory = new UnpooledByteBufAllocator(false);
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(memory);
        Frames.addDecoder(channel.pipeline(), variant.framing(), MAX_FRAME, variant.prefixBytes());
        Reading reading = new Reading();
        channel.pipeline().addLast(reading);
        int at = 0;
        for (int read : reads) {
            channel.writeInbound(memory.heapBuffer(read).writeBytes(stream, at, read));
            at += read;
        }
        channel.finish();
        assertEquals(0, memory.metric().usedHeapMemory(), "bytes still held after the connection closed");
        return reading;
    }

    /** Every message and refusal, in order: a message as hex, an unfinished one with its note. */
    private static final class Reading extends ChannelInboundHandlerAdapter {

        private final List<String> messages = new ArrayList<>();

        List<String> messages() {
            return messages;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            int length;
            if (message instanceof ByteBuf frame) {
                byte[] bytes = ByteBufUtil.getBytes(frame);
                frame.release();
                messages.add(HEX.formatHex(bytes));
                length = bytes.length;
            } else {
                Frames.Unfinished tail = (Frames.Unfinished) message;
                byte[] bytes = tail.bytes();
                messages.add(HEX.formatHex(bytes) + " (" + tail.note() + ")");
                // a line cut at close keeps the CR of its line end
                length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            }
            assertTrue(length <= MAX_FRAME, () -> length + " bytes in a message, more than " + MAX_FRAME);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            assertTrue(cause instanceof TooLongFrameException, () -> "not a refusal of a long frame: " + cause);
            messages.add("too long");
        }
    }
}
