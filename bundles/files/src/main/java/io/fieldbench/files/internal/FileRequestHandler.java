package io.fieldbench.files.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.files.internal.Resolution.Found;
import io.fieldbench.files.internal.Resolution.Refused;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.ReferenceCountUtil;

/**
 * One connection: reads the name, then sends the file with a {@link DefaultFileRegion} (the kernel
 * copies it to the socket; it is never loaded into memory) and closes, or refuses: it resets the
 * connection, or sends the error line and closes when so configured. The
 * name is resolved and the file opened on the {@code disk} executor, never on the event loop: a
 * slow disk or network share must not stall the other clients of the loop.
 * <p>
 * The name ends at the first newline ({@code \r\n} too) or, when the first read holds none, at
 * the end of that read: a device that writes the bare name in one segment is served as well.
 * Anything the client sends after the name is not read.
 */
final class FileRequestHandler extends ChannelInboundHandlerAdapter {

    static final String TIMEOUT_HANDLER = "timeout";
    static final String CANNOT_OPEN = "cannot be opened";
    static final String NO_NAME = "no name within request.timeout.seconds of connecting; the connection was closed";

    private final Supplier<FilesSettings> settings;
    private final Transfers transfers;
    private final RefusalLog refusals;
    private final Logger log;
    private final Executor disk;
    private boolean named;

    FileRequestHandler(Supplier<FilesSettings> settings, Transfers transfers, RefusalLog refusals, Logger log, Executor disk) {
        this.settings = settings;
        this.transfers = transfers;
        this.refusals = refusals;
        this.log = log;
        this.disk = disk;
    }

    /** A name looked up on the disk executor: the file found and opened, or why not. */
    private record LookedUp(Found found, FileChannel file, String refusal) {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (named || !(message instanceof ByteBuf buffer)) {
                return;
            }
            named = true;
            ctx.channel().config().setAutoRead(false);
            if (ctx.pipeline().get(TIMEOUT_HANDLER) != null) {
                ctx.pipeline().remove(TIMEOUT_HANDLER);
            }
            serve(ctx, nameIn(buffer));
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    /** The name's bytes: up to the first newline (without a {@code \r} before it), or all of them. */
    static byte[] nameIn(ByteBuf buffer) {
        int newline = buffer.indexOf(buffer.readerIndex(), buffer.writerIndex(), (byte) '\n');
        int end = newline >= 0 ? newline : buffer.writerIndex();
        if (end > buffer.readerIndex() && buffer.getByte(end - 1) == '\r') {
            end--;
        }
        return ByteBufUtil.getBytes(buffer, buffer.readerIndex(), end - buffer.readerIndex());
    }

    private void serve(ChannelHandlerContext ctx, byte[] name) {
        FilesSettings now = settings.get();
        CompletableFuture.supplyAsync(() -> lookUp(now, name), disk).whenComplete((looked, failure) -> ctx.executor().execute(() -> {
            if (failure != null) {
                refuse(ctx, RequestedName.escaped(name), SharedFolder.UNREADABLE, Ending.of(now));
            } else if (looked.file() == null) {
                refuse(ctx, RequestedName.escaped(name), looked.refusal(), Ending.of(now));
            } else if (!ctx.channel().isActive()) {
                close(looked.file()); // the client left while the disk answered
            } else {
                send(ctx, looked.found(), looked.file());
            }
        }));
    }

    /** On the disk executor: the name resolved inside the shared folder and the file opened. */
    private static LookedUp lookUp(FilesSettings now, byte[] name) {
        Resolution resolution = now.sharedFolder().resolve(name);
        if (!(resolution instanceof Found found)) {
            return new LookedUp(null, null, ((Refused) resolution).reason());
        }
        try {
            // the real path, opened without following links: a link swapped in after the check is not followed
            return new LookedUp(found, FileChannel.open(found.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS), "");
        } catch (IOException e) {
            return new LookedUp(null, null, unopenable(e));
        }
    }

    /**
     * Why a file found in the folder could not be opened, in words a client may read: the system's
     * reason ("Too many open files" when the bench is at its open file limit), never a path.
     */
    static String unopenable(IOException e) {
        return e instanceof FileSystemException failed && failed.getReason() != null
                ? CANNOT_OPEN + ": " + failed.getReason() : SharedFolder.UNREADABLE;
    }

    private static void close(FileChannel file) {
        try {
            file.close();
        } catch (IOException e) {
            // nothing was sent from it
        }
    }

    private void send(ChannelHandlerContext ctx, Found found, FileChannel file) {
        String client = client(ctx);
        Transfer transfer = transfers.begin(client, found.name(), found.size());
        log.info("Sending {} ({} bytes) to {}", RequestedName.escaped(found.name()), found.size(), client);
        // the listener before the write: the first bytes go out within writeAndFlush, and their progress would be missed
        ChannelProgressivePromise sending = ctx.newProgressivePromise();
        sending.addListener(new ChannelProgressiveFutureListener() {
            @Override
            public void operationProgressed(ChannelProgressiveFuture future, long progress, long total) {
                transfer.progress(progress);
            }

            @Override
            public void operationComplete(ChannelProgressiveFuture future) {
                if (future.isSuccess()) {
                    transfer.progress(found.size());
                    log.info("Sent {} ({} bytes) to {}", RequestedName.escaped(found.name()), found.size(), client);
                } else {
                    log.warn("Sending {} to {} ended after {} of {} bytes: {}", RequestedName.escaped(found.name()),
                            client, transfer.sent(), found.size(), String.valueOf(future.cause()));
                }
                transfers.end(transfer, future.isSuccess());
                future.channel().close();
            }
        });
        ctx.writeAndFlush(new DefaultFileRegion(file, 0, found.size()), sending);
    }

    /** How a refused connection ends. */
    private enum Ending {
        /** The line {@code ERROR <reason>}, then a normal close (the {@code error.line} setting). */
        ERROR_LINE,
        /** A reset, not a normal close: the client tells a refused name from an empty file without a protocol change. */
        RESET,
        /** A normal close: no name was asked for, so there is nothing to tell apart. */
        CLOSE;

        static Ending of(FilesSettings settings) {
            return settings.errorLine() ? ERROR_LINE : RESET;
        }
    }

    private void refuse(ChannelHandlerContext ctx, String escapedName, String reason, Ending ending) {
        String client = client(ctx);
        refusals.add(new Refusal(Instant.now(), client, escapedName, reason));
        log.warn("Refused {} from {}: {}", escapedName, client, reason);
        switch (ending) {
            case ERROR_LINE -> ctx.writeAndFlush(Unpooled.copiedBuffer("ERROR " + reason + "\n", StandardCharsets.UTF_8))
                    .addListener(ChannelFutureListener.CLOSE);
            case RESET -> {
                ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                ctx.close();
            }
            case CLOSE -> ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent && !named) {
            // the client closed its side without a name: nothing to send
            named = true;
            refuse(ctx, "\"\"", SharedFolder.EMPTY, Ending.CLOSE);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ReadTimeoutException) {
            if (!named) {
                named = true;
                refuse(ctx, "\"\"", NO_NAME, Ending.CLOSE);
            }
            return;
        }
        // a client that resets the connection: the transfer's listener reports what was sent
        log.debug("Connection from {} failed: {}", client(ctx), String.valueOf(cause));
        ctx.close();
    }

    private static String client(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address ? Endpoints.of(address)
                : String.valueOf(ctx.channel().remoteAddress());
    }
}
