package io.fieldbench.imagerelay.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fieldbench.imagerelay.page.PairingToken;
import io.fieldbench.server.support.tcp.ClientRegistry;

/** The gate before the WebSocket handshake: token, origin, room; other requests pass. */
class HandshakeGateTest {

    private static final String TOKEN = "00112233445566778899aabbccddeeff";

    @TempDir
    Path data;

    private final RecordingTraffic traffic = new RecordingTraffic();
    private final ClientRegistry<Connection> clients = new ClientRegistry<>("imagerelay", 1, Clock.systemUTC());
    private EmbeddedChannel channel;

    @BeforeEach
    void gate() throws Exception {
        Path file = data.resolve("imagerelay/token");
        Files.createDirectories(file.getParent());
        Files.writeString(file, TOKEN + "\n");
        channel = new EmbeddedChannel(new HandshakeGate(PairingToken.load(file), clients, traffic, () -> false));
    }

    private static FullHttpRequest request(String uri, String origin) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        request.headers().set(HttpHeaderNames.HOST, "192.168.1.20:8899");
        if (origin != null) {
            request.headers().set(HttpHeaderNames.ORIGIN, origin);
        }
        return request;
    }

    /** The gate's answer, which must be a refusal with this status; its text. */
    private String refusal(FullHttpRequest request, int status) throws InterruptedException {
        channel.writeInbound(request);
        assertNull(channel.readInbound(), "a refused handshake goes no further");
        FullHttpResponse response = channel.readOutbound();
        try {
            assertEquals(status, response.status().code());
            assertFalse(channel.isActive(), "the connection is closed after the refusal");
            String text = response.content().toString(StandardCharsets.UTF_8).trim();
            assertTrue(traffic.next().endsWith(text), "the refusal is reported as told");
            return text;
        } finally {
            response.release();
        }
    }

    @Test
    void theRightTokenFromThePageOrFromNoBrowserPasses() {
        FullHttpRequest fromPage = request("/ws?t=" + TOKEN, "http://192.168.1.20:8899");
        channel.writeInbound(fromPage);
        assertSame(fromPage, channel.readInbound());
        FullHttpRequest noOrigin = request("/ws?t=" + TOKEN.toUpperCase(), null);
        channel.writeInbound(noOrigin);
        assertSame(noOrigin, channel.readInbound());
        fromPage.release();
        noOrigin.release();
    }

    @Test
    void otherPathsPassUntouched() {
        FullHttpRequest page = request("/?t=wrong", "http://elsewhere");
        channel.writeInbound(page);
        assertSame(page, channel.readInbound());
        page.release();
    }

    @Test
    void aMissingTokenIsForbidden() throws InterruptedException {
        assertTrue(refusal(request("/ws", null), 403).startsWith("no pairing token"));
    }

    @Test
    void aWrongTokenIsForbidden() throws InterruptedException {
        assertTrue(refusal(request("/ws?t=ffff", null), 403).startsWith("wrong pairing token"));
    }

    @Test
    void pathsBelowTheEndpointNeedTheTokenToo() throws InterruptedException {
        assertTrue(refusal(request("/ws/other", null), 403).startsWith("no pairing token"));
    }

    @Test
    void aForeignOriginIsForbidden() throws InterruptedException {
        assertTrue(refusal(request("/ws?t=" + TOKEN, "http://evil.example"), 403).startsWith("foreign origin"));
    }

    @Test
    void noRoomIsServiceUnavailable() throws InterruptedException {
        clients.admit((id, since) -> new Connection(id, new EmbeddedChannel(), "", since));
        assertTrue(refusal(request("/ws?t=" + TOKEN, null), 503).startsWith("too many clients"));
    }

    @Test
    void sameOriginComparesHostAndPortWithTheirDefaults() {
        assertTrue(HandshakeGate.sameOrigin("http://192.168.1.20:8899", "192.168.1.20:8899"));
        assertTrue(HandshakeGate.sameOrigin("http://Bench.local", "bench.local:80"));
        assertTrue(HandshakeGate.sameOrigin("http://[fd00::2]:8899", "[fd00::2]:8899"));
        assertFalse(HandshakeGate.sameOrigin("http://192.168.1.20:8900", "192.168.1.20:8899"));
        assertFalse(HandshakeGate.sameOrigin("https://192.168.1.20", "192.168.1.20"));
        assertFalse(HandshakeGate.sameOrigin("null", "192.168.1.20:8899"));
        assertFalse(HandshakeGate.sameOrigin("http://192.168.1.20:8899", null));
    }
}
