package io.fieldbench.imagerelay.relay;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

import io.fieldbench.imagerelay.page.PageHandler;
import io.fieldbench.imagerelay.page.PairingToken;
import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.ConnectedClient;

/**
 * Lets a WebSocket handshake to {@link #PATH} through only with the pairing token, from the page's
 * own origin, and while there is room: else 403, 403 or 503 with a plain-text line, and the
 * refusal is reported. Other requests pass untouched.
 */
@Sharable
final class HandshakeGate extends ChannelInboundHandlerAdapter {

    static final String PATH = "/ws";
    static final String TOKEN_PARAMETER = "t";
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    /** Marks the connection of a plain client (the Python tutorial's): bare image bytes, no JSON. */
    static final AttributeKey<Boolean> PLAIN = AttributeKey.valueOf("fieldbench.relay.plain");

    private final PairingToken token;
    private final ClientRegistry<Connection> clients;
    private final RelayTraffic traffic;
    private final BooleanSupplier plainClients;

    HandshakeGate(PairingToken token, ClientRegistry<Connection> clients, RelayTraffic traffic, BooleanSupplier plainClients) {
        this.token = token;
        this.clients = clients;
        this.traffic = traffic;
        this.plainClients = plainClients;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        // the protocol handler upgrades below /ws too (it matches by prefix, for the query string)
        if (!PATH.equals(uri.path()) && !uri.path().startsWith(PATH + "/")) {
            if (plainClients.getAsBoolean() && isUpgrade(request)) {
                // a plain client upgrades where it connected (ws://HOST:PORT/): no token, no JSON
                ctx.channel().attr(PLAIN).set(Boolean.TRUE);
                request.setUri(PATH);
                passOrRefuse(ctx, request, clients.full() ? TOO_MANY : null);
                return;
            }
            ctx.fireChannelRead(msg);
            return;
        }
        passOrRefuse(ctx, request, refusal(request, uri));
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private void passOrRefuse(ChannelHandlerContext ctx, FullHttpRequest request, Refusal refusal) {
        if (refusal == null) {
            ctx.fireChannelRead(request);
            return;
        }
        traffic.refused(ConnectedClient.addressOf(ctx.channel()), refusal.text());
        FullHttpResponse response = PageHandler.plain(request, refusal.status(), refusal.text());
        HttpUtil.setKeepAlive(response, false);
        ReferenceCountUtil.release(request);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** Why a handshake is refused, with the HTTP status that says it. */
    private record Refusal(HttpResponseStatus status, String text) {
    }

    /** Why this handshake is refused, in one line that says what to do; null when it may go on. */
    private Refusal refusal(FullHttpRequest request, QueryStringDecoder uri) {
        List<String> sent = uri.parameters().get(TOKEN_PARAMETER);
        if (sent == null || sent.isEmpty() || sent.get(0).isEmpty()) {
            return forbidden("no pairing token: open the page at the address the bench shows (with ?t=...)");
        }
        if (!token.matches(sent.get(0))) {
            return forbidden("wrong pairing token: open the page at the address the bench shows now (the token may have"
                    + " been renewed)");
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (origin != null && !sameOrigin(origin, host)) {
            return forbidden("foreign origin " + origin + " (not the page's " + host + "): only the bench's own page may"
                    + " connect");
        }
        return clients.full() ? TOO_MANY : null;
    }

    private static final Refusal TOO_MANY = new Refusal(HttpResponseStatus.SERVICE_UNAVAILABLE,
            "too many clients (max.clients reached): try again when one has left");

    private static Refusal forbidden(String text) {
        return new Refusal(HttpResponseStatus.FORBIDDEN, text);
    }

    /** Whether a browser's Origin names the host and port the request was sent to. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI from = new URI(origin.trim());
            if (from.getHost() == null || from.getScheme() == null) {
                return false;
            }
            int originPort = from.getPort() >= 0 ? from.getPort()
                    : "https".equalsIgnoreCase(from.getScheme()) ? HTTPS_PORT : HTTP_PORT;
            URI to = new URI("http://" + host.trim());
            if (to.getHost() == null) {
                return false;
            }
            int hostPort = to.getPort() >= 0 ? to.getPort() : HTTP_PORT;
            return from.getHost().toLowerCase(Locale.ROOT).equals(to.getHost().toLowerCase(Locale.ROOT))
                    && originPort == hostPort;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
