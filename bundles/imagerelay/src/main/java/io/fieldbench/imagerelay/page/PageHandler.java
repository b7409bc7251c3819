package io.fieldbench.imagerelay.page;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Serves the phone page over plain HTTP: GET and HEAD of the page's files; anything else is a 404
 * or 405. WebSocket upgrades to {@code /ws} are taken before this handler and never reach it.
 */
@Sharable
public final class PageHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final PageFiles files;

    public PageHandler(PageFiles files) {
        this.files = files;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            send(ctx, request, plain(request, HttpResponseStatus.BAD_REQUEST, "Bad request: "
                    + request.decoderResult().cause().getMessage()));
            return;
        }
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            FullHttpResponse response = plain(request, HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "Only GET and HEAD are served here.");
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(ctx, request, response);
            return;
        }
        Optional<PageFiles.PageFile> file = files.at(new QueryStringDecoder(request.uri()).path());
        if (file.isEmpty()) {
            send(ctx, request, plain(request, HttpResponseStatus.NOT_FOUND,
                    "Not found. The phone page is at / (with ?t= and the pairing token the bench shows)."));
            return;
        }
        byte[] bytes = file.get().bytes();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                HttpMethod.HEAD.equals(method) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, file.get().contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                // the page changes with the bench's version; it is small, so always ask again
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set("X-Content-Type-Options", "nosniff");
        send(ctx, request, response);
    }

    /** A short plain-text answer, for errors; also what the handshake gate refuses with. */
    public static FullHttpResponse plain(FullHttpRequest request, HttpResponseStatus status, String text) {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                HttpMethod.HEAD.equals(request.method()) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return response;
    }

    /** Sends a response; closes the connection after it unless the request keeps it alive. */
    static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
