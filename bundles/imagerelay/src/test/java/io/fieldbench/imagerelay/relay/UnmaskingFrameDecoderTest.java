package io.fieldbench.imagerelay.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import org.junit.jupiter.api.Test;

/**
 * Frames as a client sends them (masked with a new key each, by Netty's client-side encoder) read
 * back by the relay's decoder: every length form, frames split across reads and several in one
 * read, each payload as it was sent; a frame without a mask or over the limit refused.
 */
class UnmaskingFrameDecoderTest {

    private static final int LIMIT = 200_000;
    /** An image's header from a client: two bytes, an eight-byte length (more than 65 535), the four-byte mask key. */
    private static final int IMAGE_HEADER = 2 + 8 + 4;
    /** An image a little larger than a read of 65 536 bytes. */
    private static final int IMAGE_BYTES = 70_003;
    /** A limit for images of several MB, more than the 1 MiB the decoder grows a buffer by ahead of what came. */
    private static final int LARGE_LIMIT = 4 << 20;
    private final Random random = new Random(7);

    private byte[] payload(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The frames' bytes on the wire from a client: masked. */
    private static ByteBuf wire(boolean masked, WebSocketFrame... frames) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameEncoder(masked));
        client.writeOutbound((Object[]) frames);
        ByteBuf wire = Unpooled.buffer();
        for (ByteBuf part; (part = client.readOutbound()) != null;) {
            wire.writeBytes(part);
            part.release();
        }
        return wire;
    }

    /** Whole, unfragmented binary messages, masked, as a phone sends its images. */
    private static ByteBuf images(byte[]... images) {
        return wire(true, Arrays.stream(images).map(image -> new BinaryWebSocketFrame(Unpooled.wrappedBuffer(image)))
                .toArray(WebSocketFrame[]::new));
    }

    private static EmbeddedChannel relay() {
        return new EmbeddedChannel(new UnmaskingFrameDecoder(RelayInitializer.protocol(LIMIT).decoderConfig()));
    }

    /** Feeds the bytes in reads of this size, into a buffer the decoder may change, as a socket's are. */
    private static List<WebSocketFrame> decode(EmbeddedChannel relay, ByteBuf wire, int readSize) {
        try {
            while (wire.isReadable()) {
                int length = Math.min(readSize, wire.readableBytes());
                relay.writeInbound(relay.alloc().directBuffer(length).writeBytes(wire, length));
            }
        } finally {
            wire.release();
        }
        List<WebSocketFrame> frames = new ArrayList<>();
        for (WebSocketFrame frame; (frame = relay.readInbound()) != null;) {
            frames.add(frame);
        }
        return frames;
    }

    @Test
    void takesThePlaceOfTheHandshakesDecoderWhenTheHandshakeCompletes() {
        WebSocketDecoderConfig config = RelayInitializer.protocol(LIMIT).decoderConfig();
        EmbeddedChannel connection = new EmbeddedChannel();
        connection.pipeline().addLast(UnmaskingFrameDecoder.NAME, new WebSocket13FrameDecoder(config));
        connection.pipeline().addLast("unmasking", new UnmaskingFrameDecoder.Installer(config));

        connection.pipeline().fireUserEventTriggered(new HandshakeComplete("/ws", new DefaultHttpHeaders(), null));

        assertInstanceOf(UnmaskingFrameDecoder.class, connection.pipeline().get(UnmaskingFrameDecoder.NAME));
        assertNull(connection.pipeline().get("unmasking"), "the installer leaves once it is done");
        assertFalse(connection.finish());
    }

    @Test
    void everyLengthFormIsUnmaskedWhetherItCameWholeOrInPieces() {
        // 7 and 0 bytes: length in the first byte; 126 and 65 535: two bytes; 65 536 and more: eight
        int[] lengths = { 0, 7, 125, 126, 1_001, 65_535, 65_536, 70_003 };
        for (int readSize : new int[] { 5, 4_096, Integer.MAX_VALUE }) {
            List<byte[]> sent = new ArrayList<>();
            List<WebSocketFrame> frames = new ArrayList<>();
            for (int length : lengths) {
                byte[] bytes = payload(length);
                sent.add(bytes);
                frames.add(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
            }
            EmbeddedChannel relay = relay();
            List<WebSocketFrame> received = decode(relay, wire(true, frames.toArray(WebSocketFrame[]::new)), readSize);

            assertEquals(lengths.length, received.size(), "reads of " + readSize);
            for (int i = 0; i < lengths.length; i++) {
                assertInstanceOf(BinaryWebSocketFrame.class, received.get(i));
                assertArrayEquals(sent.get(i), ByteBufUtil.getBytes(received.get(i).content()), lengths[i] + " bytes in reads of " + readSize);
                received.get(i).release();
            }
            assertFalse(relay.finish());
        }
    }

    @Test
    void fragmentsAndControlFramesKeepTheirKindAndFlags() {
        byte[] first = payload(300);
        byte[] last = payload(9);
        EmbeddedChannel relay = relay();

        List<WebSocketFrame> received = decode(relay, wire(true, new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer(first)),
                new PingWebSocketFrame(Unpooled.wrappedBuffer(payload(4))), new ContinuationWebSocketFrame(true, 0,
                        Unpooled.wrappedBuffer(last))), 100);

        assertEquals(3, received.size());
        assertInstanceOf(TextWebSocketFrame.class, received.get(0));
        assertFalse(received.get(0).isFinalFragment());
        assertArrayEquals(first, ByteBufUtil.getBytes(received.get(0).content()));
        assertInstanceOf(PingWebSocketFrame.class, received.get(1));
        assertInstanceOf(ContinuationWebSocketFrame.class, received.get(2));
        assertArrayEquals(last, ByteBufUtil.getBytes(received.get(2).content()));
        received.forEach(WebSocketFrame::release);
        assertFalse(relay.finish());
    }

    @Test
    void aWholeBinaryFrameIsPassedOnInTheBytesItArrivedInNotACopy() {
        byte[] image = payload(IMAGE_BYTES);
        EmbeddedChannel relay = relay();
        ByteBuf wire = images(image);
        ByteBuf arrived = relay.alloc().directBuffer().writeBytes(wire);
        wire.release();

        relay.writeInbound(arrived);
        WebSocketFrame frame = relay.readInbound();

        assertInstanceOf(BinaryWebSocketFrame.class, frame);
        assertArrayEquals(image, ByteBufUtil.getBytes(frame.content()));
        assertEquals(1, arrived.refCnt(), "the frame holds the bytes it arrived in (a copy would have let them go)");
        frame.release();
        assertEquals(0, arrived.refCnt(), "nothing keeps them once the frame is released");
        assertFalse(relay.finish());
    }

    @Test
    void aFrameInPiecesIsGatheredInOneBufferGrownOnceToItsSize() {
        byte[] image = payload(IMAGE_BYTES);
        EmbeddedChannel relay = relay();

        List<WebSocketFrame> received = decode(relay, images(image), 4_096);

        assertEquals(1, received.size());
        assertArrayEquals(image, ByteBufUtil.getBytes(received.get(0).content()));
        assertEquals(IMAGE_HEADER + image.length, arrivedIn(received.get(0).content()).capacity(),
                "the frame's size (header, key, payload), not the doublings of Netty's cumulator (131 072)");
        received.get(0).release();
        assertFalse(relay.finish());
    }

    /** The buffer a frame's bytes are a slice of (under the leak detector's wrappers). */
    private static ByteBuf arrivedIn(ByteBuf content) {
        ByteBuf root = content;
        while (root.unwrap() != null) {
            root = root.unwrap();
        }
        return root;
    }

    @Test
    void aHeaderAloneDoesNotMakeTheRelayHoldTheSizeItClaims() {
        byte[] image = payload(3_000_000);
        EmbeddedChannel relay = new EmbeddedChannel(new UnmaskingFrameDecoder(RelayInitializer.protocol(LARGE_LIMIT).decoderConfig()));
        ByteBuf wire = images(image);
        ByteBuf arrived = relay.alloc().directBuffer(IMAGE_HEADER + 1_000).writeBytes(wire, IMAGE_HEADER + 1_000);

        relay.writeInbound(arrived);

        assertEquals(IMAGE_HEADER + 1_000, arrived.capacity(), "what came, not the 3 MB the header claims");
        List<WebSocketFrame> received = decode(relay, wire, 65_536);
        assertArrayEquals(image, ByteBufUtil.getBytes(received.get(0).content()));
        received.forEach(WebSocketFrame::release);
        assertFalse(relay.finish());
    }

    @Test
    void anImagePassedOnKeepsTheMemoryItArrivedInWhileTheNextFrameComes() {
        byte[] first = payload(IMAGE_BYTES);
        byte[] second = payload(IMAGE_BYTES);
        EmbeddedChannel relay = relay();
        ByteBuf wire = images(first, second);
        // the first frame whole and the second's start in one read: the second needs more room than it has
        ByteBuf arrived = relay.alloc().directBuffer().writeBytes(wire, IMAGE_HEADER + first.length + 100);
        assumeTrue(arrived.hasMemoryAddress(), "a direct buffer with an address");
        long memory = arrived.memoryAddress();

        relay.writeInbound(arrived);
        WebSocketFrame passedOn = relay.readInbound();
        List<WebSocketFrame> next = decode(relay, wire, 4_096);

        assertEquals(memory, arrivedIn(passedOn.content()).memoryAddress(), "the buffer it is a slice of was not grown under it");
        assertArrayEquals(first, ByteBufUtil.getBytes(passedOn.content()));
        assertArrayEquals(second, ByteBufUtil.getBytes(next.get(0).content()));
        passedOn.release();
        next.forEach(WebSocketFrame::release);
        assertFalse(relay.finish());
    }

    @Test
    void aFragmentedBinaryMessageStillHasItsOrderCheckedAndAWholeOneMayFollow() {
        byte[] first = payload(500);
        byte[] last = payload(20);
        byte[] whole = payload(30);
        EmbeddedChannel relay = relay();

        List<WebSocketFrame> received = decode(relay, wire(true, new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(first)),
                new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(last)),
                new BinaryWebSocketFrame(Unpooled.wrappedBuffer(whole))), 64);

        assertEquals(List.of(BinaryWebSocketFrame.class, ContinuationWebSocketFrame.class, BinaryWebSocketFrame.class),
                received.stream().map(Object::getClass).toList());
        assertFalse(received.get(0).isFinalFragment());
        assertArrayEquals(last, ByteBufUtil.getBytes(received.get(1).content()));
        assertArrayEquals(whole, ByteBufUtil.getBytes(received.get(2).content()));
        received.forEach(WebSocketFrame::release);

        // a whole binary frame inside a fragmented message is the protocol error Netty's decoder says it is
        EmbeddedChannel broken = relay();
        CorruptedWebSocketFrameException refused = assertThrows(CorruptedWebSocketFrameException.class,
                () -> decode(broken, wire(true, new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(first)),
                        new BinaryWebSocketFrame(Unpooled.wrappedBuffer(whole))), 64));
        assertEquals(WebSocketCloseStatus.PROTOCOL_ERROR, refused.closeStatus());
        broken.finishAndReleaseAll(); // the first fragment, passed on before the second was refused
        assertFalse(relay.finish());
    }

    @Test
    void aClientFrameWithoutAMaskIsAProtocolError() {
        EmbeddedChannel relay = relay();

        CorruptedWebSocketFrameException refused = assertThrows(CorruptedWebSocketFrameException.class,
                () -> decode(relay, wire(false, new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload(10)))), 64));

        assertEquals(WebSocketCloseStatus.PROTOCOL_ERROR, refused.closeStatus());
        assertFalse(relay.finish());
    }

    @Test
    void aFrameOverTheLimitIsRefusedOnItsHeaderBeforeItsPayloadComes() {
        EmbeddedChannel relay = relay();
        ByteBuf wire = wire(true, new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload(LIMIT + 1))));
        ByteBuf header = wire.readRetainedSlice(14);
        wire.release();

        CorruptedWebSocketFrameException refused = assertThrows(CorruptedWebSocketFrameException.class,
                () -> decode(relay, header, 14));

        assertEquals(WebSocketCloseStatus.MESSAGE_TOO_BIG, refused.closeStatus());
        assertFalse(relay.finish());
    }
}
