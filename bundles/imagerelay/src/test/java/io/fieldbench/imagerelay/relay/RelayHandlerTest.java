package io.fieldbench.imagerelay.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fieldbench.imagerelay.format.TestImages;
import io.fieldbench.imagerelay.store.ImageStore;
import io.fieldbench.server.support.tcp.ClientRegistry;

/**
 * A client's handler on an embedded channel, with a real images folder: pairing of header and
 * bytes, refusals that keep the connection, relay, echo, idle pings. The intake runs on its own
 * thread, so a test waits for its report before it reads what the client was sent.
 */
class RelayHandlerTest {

    @TempDir
    Path data;

    private final RecordingTraffic traffic = new RecordingTraffic();
    private RelaySettings settings;
    private ImageStore store;
    private ClientRegistry<Connection> clients;
    private ImageIntake intake;

    private void relay(RelayConfig config) throws Exception {
        settings = RelaySettings.of(config, data);
        store = new ImageStore(settings.imagesFolder());
        clients = new ClientRegistry<>("imagerelay", settings.maxClients(), Clock.systemUTC());
        intake = new ImageIntake(() -> settings, () -> store, clients, traffic, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws InterruptedException {
        intake.close();
    }

    /** A client past its handshake, its hello read (an echo server sends none). */
    private EmbeddedChannel client() throws InterruptedException {
        TransferClock clock = new TransferClock();
        EmbeddedChannel channel = new EmbeddedChannel(clock,
                new RelayHandler(clients, traffic, intake, () -> settings, clock, settings.outboundLimitBytes()));
        channel.pipeline().fireUserEventTriggered(new HandshakeComplete("/ws?t=x",
                new DefaultHttpHeaders().set(HttpHeaderNames.USER_AGENT, "TestPhone/1.0"), null));
        if (settings.echo()) {
            assertNull(channel.readOutbound(), "an echo server says nothing of its own");
        } else {
            assertTrue(text(channel).startsWith("{\"type\":\"hello\""));
        }
        assertTrue(traffic.next().startsWith("connected "));
        return channel;
    }

    private static String text(EmbeddedChannel channel) {
        Object sent = channel.readOutbound();
        assertInstanceOf(TextWebSocketFrame.class, sent, "a text frame expected");
        TextWebSocketFrame frame = (TextWebSocketFrame) sent;
        try {
            return frame.text();
        } finally {
            frame.release();
        }
    }

    private static void sendImage(EmbeddedChannel channel, String header, byte[] bytes) {
        if (header != null) {
            channel.writeInbound(new TextWebSocketFrame(header));
        }
        channel.writeInbound(new BinaryWebSocketFrame(TestImages.upload(bytes)));
    }

    private static String header(String name, int size) {
        return JsonText.write(Map.of("type", "image", "name", name, "mime", "image/png", "size", size));
    }

    @Test
    void anImageHeaderAndTheBytesAfterItAreKeptAndAnswered() throws Exception {
        relay(TestRelayConfig.relay("bench"));
        EmbeddedChannel phone = client();
        byte[] png = TestImages.picture("png", 40, 30);

        sendImage(phone, header("cat.png", png.length), png);

        assertEquals("received 1 cat.png", traffic.next());
        Map<String, Object> stored = JsonText.parseObject(text(phone));
        assertEquals("stored", stored.get("type"));
        assertEquals("cat.png", stored.get("name"));
        assertEquals(false, stored.get("duplicate"));
        Path kept = settings.imagesFolder().resolve((String) stored.get("file"));
        assertArrayEquals(png, Files.readAllBytes(kept));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!phone.config().isAutoRead() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the intake switches reading back on just after its report
        }
        assertTrue(phone.config().isAutoRead(), "reading again once the image is kept");

        sendImage(phone, header("again.png", png.length), png);
        assertEquals("received 1 cat.png duplicate", traffic.next(), "a repeat is reported as the image kept before");
        assertEquals(true, JsonText.parseObject(text(phone)).get("duplicate"));
        assertEquals(1, store.images().size());
    }

    @Test
    void bytesWithoutAHeaderAreAnImageNamedImage() throws Exception {
        relay(TestRelayConfig.relay("bench"));
        EmbeddedChannel phone = client();

        sendImage(phone, null, TestImages.picture("gif", 8, 8));

        assertEquals("received 1 image.gif", traffic.next());
        assertEquals("image", JsonText.parseObject(text(phone)).get("name"));
    }

    @Test
    void badMessagesAreRefusedAndTheClientStays() throws Exception {
        relay(TestRelayConfig.relay("all"));
        EmbeddedChannel phone = client();

        phone.writeInbound(new TextWebSocketFrame("hello?"));
        assertTrue(text(phone).contains("not a JSON object"));
        phone.writeInbound(new TextWebSocketFrame("{\"type\":\"dance\"}"));
        assertTrue(text(phone).contains("unknown message type 'dance'"));

        byte[] jpeg = TestImages.picture("jpg", 64, 64);
        sendImage(phone, header("cut.jpg", jpeg.length / 2), Arrays.copyOf(jpeg, jpeg.length / 2));
        assertTrue(traffic.next().startsWith("refused 1 '' 6: not a JSON object"));
        assertTrue(traffic.next().contains("unknown message type"));
        String truncated = traffic.next();
        assertTrue(truncated.startsWith("refused 1 'cut.jpg'"), truncated);
        Map<String, Object> reply = JsonText.parseObject(text(phone));
        assertEquals("refused", reply.get("type"));
        assertEquals("cut.jpg", reply.get("name"));

        sendImage(phone, header("short.jpg", jpeg.length + 1), jpeg);
        assertTrue(text(phone).contains("were announced"), "a size that does not match is refused at once");

        phone.writeInbound(new TextWebSocketFrame(header("notes.txt", 5)));
        phone.writeInbound(new BinaryWebSocketFrame(Unpooled.copiedBuffer("notes", StandardCharsets.UTF_8)));
        traffic.next();
        String notImage = traffic.next();
        assertTrue(notImage.contains("'notes.txt' 5: not an image"), notImage);
        text(phone);
        assertTrue(phone.isActive(), "refusals keep the connection");
        assertTrue(store.images().isEmpty(), "nothing refused is kept");
    }

    @Test
    void relayOffRefusesUploads() throws Exception {
        relay(TestRelayConfig.relay("off"));
        EmbeddedChannel phone = client();

        sendImage(phone, header("cat.png", -1), TestImages.picture("png", 4, 4));

        assertTrue(text(phone).contains("relay=off"));
        assertTrue(store.images().isEmpty());
    }

    @Test
    void relayAllForwardsAnImageToTheOtherClients() throws Exception {
        relay(TestRelayConfig.relay("all"));
        EmbeddedChannel sender = client();
        EmbeddedChannel other = client();
        byte[] png = TestImages.picture("png", 400, 300);

        sendImage(sender, header("cat.png", png.length), png);

        assertEquals("received 1 cat.png", traffic.next());
        assertEquals("relayed cat.png to 1", traffic.next());
        other.runPendingTasks();
        Map<String, Object> announced = JsonText.parseObject(text(other));
        assertEquals("image", announced.get("type"));
        assertEquals("client 1", announced.get("from"));
        assertEquals("image/png", announced.get("mime"));
        BinaryWebSocketFrame bytes = other.readOutbound();
        assertArrayEquals(png, ByteBufUtil.getBytes(bytes.content()));
        assertTrue(bytes.content().nioBufferCount() > 1, "the upload's own fragments relayed, not a copy of them");
        bytes.release();
        assertEquals("stored", JsonText.parseObject(text(sender)).get("type"));
        assertNull(sender.readOutbound(), "the sender does not get its own image back");
    }

    @Test
    void echoSendsEveryMessageBackAndKeepsNothing() throws Exception {
        relay(TestRelayConfig.relay("all").echoing());
        EmbeddedChannel client = client();

        client.writeInbound(new TextWebSocketFrame("not even JSON"));
        client.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));

        assertEquals("not even JSON", text(client));
        BinaryWebSocketFrame echoed = client.readOutbound();
        assertArrayEquals(new byte[] {1, 2, 3}, ByteBufUtil.getBytes(echoed.content()));
        echoed.release();
        assertTrue(store.images().isEmpty());
        assertTrue(traffic.isEmpty(), "echo reports nothing per message");
    }

    @Test
    void aProtocolErrorIsClosedOnceWithTheDecodersStatus() throws Exception {
        relay(TestRelayConfig.relay("all"));
        EmbeddedChannel client = client();

        client.pipeline().fireExceptionCaught(
                new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR, "received a frame that is not masked"));

        CloseWebSocketFrame close = client.readOutbound();
        assertEquals(WebSocketCloseStatus.PROTOCOL_ERROR.code(), close.statusCode());
        close.release();
        assertNull(client.readOutbound(), "one close frame, not a second one");
        assertFalse(client.isActive());
    }

    @Test
    void aQuietClientIsPingedThenDroppedAsIdle() throws Exception {
        relay(TestRelayConfig.relay("all"));
        EmbeddedChannel client = client();

        client.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        PingWebSocketFrame ping = client.readOutbound();
        ping.release();
        assertTrue(client.isActive());

        client.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        CloseWebSocketFrame close = client.readOutbound();
        assertEquals(1001, close.statusCode());
        close.release();
        assertFalse(client.isActive());
        assertTrue(traffic.next().startsWith("disconnected 1 IDLE_TIMEOUT"));
    }

    @Test
    void aClientThatClosesIsLoggedAsClosedByPeerWithItsStatus() throws Exception {
        relay(TestRelayConfig.relay("all"));
        EmbeddedChannel client = client();

        client.writeInbound(new CloseWebSocketFrame(1000, "bye"));

        CloseWebSocketFrame answer = client.readOutbound();
        assertEquals(1000, answer.statusCode());
        answer.release();
        assertFalse(client.isActive());
        assertEquals("disconnected 1 CLOSED_BY_PEER status 1000", traffic.next());
        assertEquals(0, clients.size());
    }
}
