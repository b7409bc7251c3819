package io.fieldbench.chat.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LineBasedFrameDecoder;

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
     * is reported as a {@code TooLongFrameException} and skipped.
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

    /** A framing decoder that says how many bytes of an unfinished message it holds. */
    interface PartialFrame {

        /** Bytes received of a message whose end has not arrived yet; 0 between messages. */
        int partialBytes();
    }

    /** Lines ending with LF or CRLF, without the ending; a longer line is reported and skipped. */
    private static final class LineDecoder extends LineBasedFrameDecoder implements PartialFrame {

        LineDecoder(int maxFrame) {
            super(maxFrame, true, true);
        }

        @Override
        public int partialBytes() {
            return actualReadableBytes();
        }
    }

    /** Messages after a big-endian length prefix of 2 or 4 bytes, without the prefix. */
    private static final class LengthDecoder extends LengthFieldBasedFrameDecoder implements PartialFrame {

        LengthDecoder(int maxFrame, int prefixBytes) {
            super(maxFrame + prefixBytes, 0, prefixBytes, 0, prefixBytes);
        }

        @Override
        public int partialBytes() {
            return actualReadableBytes();
        }
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
