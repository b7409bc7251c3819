package io.fieldbench.imagerelay.relay;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;

/**
 * Netty's decoder of the client's frames, with the client's mask taken off first: once a whole
 * masked frame has arrived, its payload is unmasked where it lies, eight bytes at a time in the
 * machine's byte order, and its mask key dropped from its header, so Netty's decoder reads an
 * unmasked frame. Netty's own unmasking reads and writes each eight bytes through the buffer's
 * checked accessors in network order, about ten times slower on this path, and was half of the
 * network thread at 1 MB messages. A whole binary frame outside a fragmented message (an image)
 * is then passed on as a slice of the bytes it arrived in; every other frame goes through Netty's
 * decoder, whose checks still apply. A client frame without a mask is refused here, as the
 * protocol requires.
 */
final class UnmaskingFrameDecoder extends WebSocket13FrameDecoder {

    /** What the protocol handler's handshake names the decoder it adds. */
    static final String NAME = "wsdecoder";
    private static final int MASK_BIT = 0x80;
    private static final int LENGTH_BITS = 0x7F;
    private static final int TWO_BYTE_LENGTH = 126;
    private static final int EIGHT_BYTE_LENGTH = 127;
    private static final int KEY_LENGTH = 4;
    /** How much more than a client sent its frame's header may make the relay hold (32 MiB at the default of 32 clients). */
    private static final int ROOM_AHEAD = 1 << 20;

    private static final int FIN_BINARY = 0x82; // final, no reserved bits, opcode 2
    private static final int FIN_BIT = 0x80;
    private static final int OPCODE_BITS = 0x0F;
    private static final int OPCODE_CLOSE = 8;

    private final long maxPayload;
    private boolean corrupt;
    /** A message in fragments is under way in Netty's decoder, which checks their order. */
    private boolean fragmented;
    /** A close frame came: Netty's decoder ignores what follows. */
    private boolean closing;

    UnmaskingFrameDecoder(WebSocketDecoderConfig config) {
        // the mask is checked and taken off here: Netty's decoder gets frames without one
        super(config.toBuilder().allowMaskMismatch(true).build());
        maxPayload = config.maxFramePayloadLength();
    }

    /**
     * Put in the pipeline after the protocol handler: when the handshake completes, before the
     * client's first frame, it swaps the decoder the handshake added for this one, with the same
     * settings, and leaves the pipeline.
     */
    static final class Installer extends ChannelInboundHandlerAdapter {

        private final WebSocketDecoderConfig config;

        Installer(WebSocketDecoderConfig config) {
            this.config = config;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof HandshakeComplete) {
                ctx.pipeline().replace(WebSocketFrameDecoder.class, NAME, new UnmaskingFrameDecoder(config));
                ctx.pipeline().remove(this);
            }
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        // Netty's decoder is given whole frames only, so each call here starts at a frame's first byte
        if (!corrupt && !unmaskWholeFrame(in)) {
            return; // more of the frame is to come
        }
        if (!corrupt && !fragmented && !closing && in.isReadable() && in.getUnsignedByte(in.readerIndex()) == FIN_BINARY
                && (in.getUnsignedByte(in.readerIndex() + 1) & MASK_BIT) == 0) { // unmasked here
            out.add(wholeBinary(in)); // an image: its bytes stay where they arrived
            return;
        }
        followFragments(in);
        try {
            super.decode(ctx, in, out);
        } catch (Exception e) {
            corrupt = true; // Netty's decoder skips all that follows
            throw e;
        }
    }

    /**
     * A whole, unfragmented binary frame, unmasked here and within the size limit, as a slice of
     * the bytes it arrived in. Netty's decoder would copy its payload into a buffer of its own: for
     * an image of several MB one larger than the allocator's pool, so allocated, zeroed and mapped
     * afresh for each message.
     */
    private BinaryWebSocketFrame wholeBinary(ByteBuf in) {
        int start = in.readerIndex();
        int lengthBytes = lengthBytes(in.getUnsignedByte(start + 1));
        int length = (int) payloadLength(in, start, lengthBytes);
        in.skipBytes(2 + lengthBytes);
        return new BinaryWebSocketFrame(true, 0, in.readRetainedSlice(length));
    }

    /** How many bytes after the second hold the payload's length: none, two or eight (RFC 6455, 5.2). */
    private static int lengthBytes(int second) {
        return switch (second & LENGTH_BITS) {
            case TWO_BYTE_LENGTH -> 2;
            case EIGHT_BYTE_LENGTH -> 8;
            default -> 0;
        };
    }

    /** The payload length in the header of the frame at {@code start}. */
    private static long payloadLength(ByteBuf in, int start, int lengthBytes) {
        return switch (lengthBytes) {
            case 2 -> in.getUnsignedShort(start + 2);
            case 8 -> in.getLong(start + 2);
            default -> in.getUnsignedByte(start + 1) & LENGTH_BITS;
        };
    }

    /** Notes where a fragmented message starts and ends, and a close, before Netty's decoder reads the frame. */
    private void followFragments(ByteBuf in) {
        if (corrupt || !in.isReadable()) {
            return;
        }
        int first = in.getUnsignedByte(in.readerIndex());
        int opcode = first & OPCODE_BITS;
        if (opcode == OPCODE_CLOSE) {
            closing = true;
        } else if (opcode < OPCODE_CLOSE) { // a data frame: a message's start, fragment or end
            fragmented = (first & FIN_BIT) == 0;
        }
    }

    /**
     * Takes the mask off the frame at the reader index, if all of it is there; answers whether
     * Netty's decoder is to read now: once the whole frame is there, or at once for a frame it
     * refuses on its header (over the size limit).
     */
    private boolean unmaskWholeFrame(ByteBuf in) throws CorruptedWebSocketFrameException {
        int start = in.readerIndex();
        if (in.readableBytes() < 2) {
            return false;
        }
        int second = in.getUnsignedByte(start + 1);
        if ((second & MASK_BIT) == 0) {
            corrupt = true;
            in.skipBytes(in.readableBytes());
            throw new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR,
                    "received a frame that is not masked as expected");
        }
        int lengthBytes = lengthBytes(second);
        int header = 2 + lengthBytes;
        if (in.readableBytes() < header + KEY_LENGTH) {
            return false;
        }
        long length = payloadLength(in, start, lengthBytes);
        if (length < 0 || length > maxPayload) {
            return true; // Netty's decoder refuses it on its header
        }
        int frame = header + KEY_LENGTH + (int) length;
        if (in.readableBytes() < frame) {
            makeRoom(in, start + frame);
            return false;
        }
        if (in.isReadOnly() || in.nioBufferCount() != 1) {
            return true; // cannot be changed where it lies: Netty's decoder unmasks the whole frame itself
        }
        int key = start + header;
        unmask(in, key, (int) length);
        for (int i = header - 1; i >= 0; i--) {
            in.setByte(start + KEY_LENGTH + i, in.getByte(start + i)); // the header moves over the key
        }
        in.setByte(start + KEY_LENGTH + 1, second & ~MASK_BIT);
        in.readerIndex(start + KEY_LENGTH);
        return true;
    }

    /**
     * Grows the bytes gathered so far, once, to hold the whole frame, when at most
     * {@link #ROOM_AHEAD} of it is still to come: left to Netty's cumulator, a 1 MB image's buffer
     * was reallocated and copied at each doubling on its way in, up to 2 MiB. A larger frame is left
     * to the cumulator until then, so that a header alone cannot make the relay hold the size it
     * claims. Only while nothing else holds the buffer: an image passed on is a slice of it, and
     * growing moves the memory under it. A buffer that cannot grow (a slice, whose maximum is its
     * size) is left to the cumulator, which copies it into a new one.
     */
    private static void makeRoom(ByteBuf in, int end) {
        if (in.capacity() < end && end - in.writerIndex() <= ROOM_AHEAD && end <= in.maxCapacity() && in.refCnt() == 1
                && !in.isReadOnly()) {
            in.capacity(end);
        }
    }

    /** XORs the payload after the key with it, in place: the key's four bytes repeated, eight at a time in native order. */
    private static void unmask(ByteBuf in, int key, int length) {
        ByteBuffer payload = in.nioBuffer(key + KEY_LENGTH, length).order(ByteOrder.nativeOrder());
        int keyBytes = in.nioBuffer(key, KEY_LENGTH).order(ByteOrder.nativeOrder()).getInt(0);
        long keyEight = keyBytes & 0xFFFFFFFFL | (long) keyBytes << 32;
        int at = 0;
        for (int end = length - 7; at < end; at += 8) {
            payload.putLong(at, payload.getLong(at) ^ keyEight);
        }
        for (; at < length; at++) {
            payload.put(at, (byte) (payload.get(at) ^ in.getByte(key + (at & 3))));
        }
    }
}
