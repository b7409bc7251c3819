package io.fieldbench.chat.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Messages on a byte stream, both ways, as a framing says: the bytes to write for one message, and
 * the decoder that cuts what arrives. The chat server and the TCP client tool use the same.
 */
public final class Frames {

    private Frames() {
    }

    /**
     * The bytes to write for one message.
     *
     * @throws IllegalArgumentException when the message is too long for the length prefix
     */
    static byte[] encode(ChatSettings settings, byte[] message) {
        return encode(settings.framing(), settings.lengthPrefixBytes(), message);
    }

    /**
     * The bytes to write for one message in this framing ({@code prefixBytes} 2 or 4, used by
     * {@link Framing#LENGTH} only).
     *
     * @throws IllegalArgumentException when the message is too long for the length prefix
     */
    public static byte[] encode(Framing framing, int prefixBytes, byte[] message) {
        return switch (framing) {
            case RAW -> message;
            case LINE -> message.length > 0 && message[message.length - 1] == '\n' ? message : append(message, (byte) '\n');
            case LENGTH -> prefixed(message, prefixBytes);
        };
    }

    /**
     * Adds the framing's decoder, named {@code framing}, if it has one: after it, each inbound
     * message is one frame without its line ending or prefix; a longer frame than {@code maxFrame}
     * is reported as a {@code TooLongFrameException} and skipped. When the input ends (half-close,
     * close or reset) in the middle of a message, what came of it follows as an {@link Unfinished}.
     */
    public static void addDecoder(ChannelPipeline pipeline, Framing framing, int maxFrame, int prefixBytes) {
        switch (framing) {
            case LINE -> pipeline.addLast("framing", new LineDecoder(maxFrame));
            case LENGTH -> pipeline.addLast("framing", new LengthDecoder(maxFrame, prefixBytes));
            case RAW -> {
                // each read is a message
            }
        }
    }

    /** A framing decoder that says what it holds of an unfinished message. */
    public interface PartialFrame {

        /** What the decoder holds: the bytes of a message whose end has not arrived yet. */
        ByteBuf held();

        /** Bytes received of a message whose end has not arrived yet; 0 between messages. */
        default int partialBytes() {
            return held().readableBytes();
        }

        /** A copy of those bytes, as they came; they stay where they are until the message ends. */
        default byte[] partial() {
            return ByteBufUtil.getBytes(held());
        }
    }

    /**
     * The bytes of a message begun when the input ended, as they came (without a length prefix
     * that came whole), and why it is incomplete: delivered rather than lost.
     */
    public record Unfinished(byte[] bytes, String note) {
    }

    /** Lines ending with LF or CRLF, without the ending; a longer line is reported and skipped. */
    private static final class LineDecoder extends LineBasedFrameDecoder implements PartialFrame {

        static final String NO_LINE_END = "unfinished at close: no line end";

        private final int maxFrame;
        /** Whether the rest of a too long line is being skipped: Netty's own flag, which it keeps private. */
        private boolean discarding;

        LineDecoder(int maxFrame) {
            super(maxFrame, true, true);
            this.maxFrame = maxFrame;
        }

        /**
         * A line of the longest length whose CR has come but not yet its LF: Netty counts the CR
         * and refuses the line as too long, though it takes the same line when the LF comes in the
         * same read. Wait for the LF, so that how TCP cut the bytes does not decide.
         */
        @Override
        protected Object decode(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
            boolean lineEnd = buffer.indexOf(buffer.readerIndex(), buffer.writerIndex(), (byte) '\n') >= 0;
            if (!discarding && !lineEnd && buffer.readableBytes() == maxFrame + 1
                    && buffer.getByte(buffer.writerIndex() - 1) == '\r') {
                return null;
            }
            discarding = !lineEnd && (discarding || buffer.readableBytes() > maxFrame);
            return refusingTooLong(ctx, () -> super.decode(ctx, buffer));
        }

        @Override
        public ByteBuf held() {
            return internalBuffer();
        }

        /** Netty keeps a tail without a line end for a delimiter that will never come; it is the last message. */
        @Override
        protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
            super.decodeLast(ctx, in, out);
            if (in.isReadable()) {
                out.add(new Unfinished(takeAll(in), NO_LINE_END));
            }
        }
    }

    /** Messages after a big-endian length prefix of 2 or 4 bytes, without the prefix. */
    private static final class LengthDecoder extends LengthFieldBasedFrameDecoder implements PartialFrame {

        private final int prefixBytes;

        LengthDecoder(int maxFrame, int prefixBytes) {
            super(maxFrame + prefixBytes, 0, prefixBytes, 0, prefixBytes);
            this.prefixBytes = prefixBytes;
        }

        @Override
        protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
            return refusingTooLong(ctx, () -> super.decode(ctx, in));
        }

        @Override
        public ByteBuf held() {
            return internalBuffer();
        }

        /**
         * A message cut short by the end of the input: what its prefix promised against what came.
         * (The rest of a frame too long to take is skipped as it comes, so it never waits here.)
         */
        @Override
        protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
            super.decodeLast(ctx, in, out);
            int came = in.readableBytes();
            if (came == 0) {
                return;
            }
            if (came < prefixBytes) {
                out.add(new Unfinished(takeAll(in), "truncated at close: " + came + " of the " + prefixBytes
                        + " length prefix bytes came"));
                return;
            }
            long promised = getUnadjustedFrameLength(in, in.readerIndex(), prefixBytes, ByteOrder.BIG_ENDIAN);
            in.skipBytes(prefixBytes);
            out.add(new Unfinished(takeAll(in), "truncated at close: the length prefix promised " + promised + " bytes, "
                    + (came - prefixBytes) + " came"));
        }
    }

    /** One step of a decoder that may refuse a frame as too long. */
    @FunctionalInterface
    private interface DecodeStep {
        Object decode() throws Exception;
    }

    /**
     * Tells a frame refused as too long down the pipeline instead of throwing it: thrown, it would
     * end the decoding of what is buffered, so the messages after it would wait for the next read,
     * and at close be lost; how TCP cut the stream would decide.
     */
    private static Object refusingTooLong(ChannelHandlerContext ctx, DecodeStep step) throws Exception {
        try {
            return step.decode();
        } catch (TooLongFrameException refused) {
            ctx.fireExceptionCaught(refused);
            return null;
        }
    }

    private static byte[] takeAll(ByteBuf in) {
        byte[] bytes = ByteBufUtil.getBytes(in);
        in.skipBytes(bytes.length);
        return bytes;
    }

    private static byte[] append(byte[] message, byte last) {
        byte[] framed = Arrays.copyOf(message, message.length + 1);
        framed[message.length] = last;
        return framed;
    }

    private static byte[] prefixed(byte[] message, int prefixBytes) {
        if (prefixBytes == 2 && message.length > 0xFFFF) {
            throw new IllegalArgumentException(message.length + " bytes do not fit a 2-byte length prefix (at most 65535)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + prefixBytes);
        for (int shift = (prefixBytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write(message.length >>> shift);
        }
        out.writeBytes(message);
        return out.toByteArray();
    }
}
