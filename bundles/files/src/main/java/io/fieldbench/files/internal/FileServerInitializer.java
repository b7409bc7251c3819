package io.fieldbench.files.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;

/** A connection's pipeline: a deadline for the name, then the request. */
final class FileServerInitializer extends ChannelInitializer<SocketChannel> {

    private final Supplier<FilesSettings> settings;
    private final Transfers transfers;
    private final RefusalLog refusals;
    private final Logger log;
    private final Executor disk;

    FileServerInitializer(Supplier<FilesSettings> settings, Transfers transfers, RefusalLog refusals, Logger log, Executor disk) {
        this.settings = settings;
        this.transfers = transfers;
        this.refusals = refusals;
        this.log = log;
        this.disk = disk;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        int timeout = settings.get().requestTimeoutSeconds();
        if (timeout > 0) {
            channel.pipeline().addLast(FileRequestHandler.TIMEOUT_HANDLER, new ReadTimeoutHandler(timeout, TimeUnit.SECONDS));
        }
        channel.pipeline().addLast("request", new FileRequestHandler(settings, transfers, refusals, log, disk));
    }
}
