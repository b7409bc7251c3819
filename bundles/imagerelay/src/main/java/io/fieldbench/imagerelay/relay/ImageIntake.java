package io.fieldbench.imagerelay.relay;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;

import io.fieldbench.imagerelay.format.ImageFormat;
import io.fieldbench.imagerelay.format.ImageInfo;
import io.fieldbench.imagerelay.format.NotAnImageException;
import io.fieldbench.imagerelay.store.ImageStore;
import io.fieldbench.imagerelay.store.StoredImage;
import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.support.DaemonThreads;

/**
 * Checks, keeps and relays the images clients send, on a thread of its own: hashing and writing
 * megabytes must never hold up an event loop. The sender is answered {@code stored} or
 * {@code refused}; with relay=all the image then goes to every other client. The image stays in
 * the buffer it arrived in: checked, hashed and written in place, relayed as the same buffer, and
 * released once, when all that is done, or when the intake stops before it got to it.
 */
final class ImageIntake {

    static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("fieldbench-imagerelay-intake"));
    private final Supplier<RelaySettings> settings;
    private final Supplier<ImageStore> store;
    private final ClientRegistry<Connection> clients;
    private final RelayTraffic traffic;
    private final Clock clock;

    ImageIntake(Supplier<RelaySettings> settings, Supplier<ImageStore> store, ClientRegistry<Connection> clients, RelayTraffic traffic,
            Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clients = clients;
        this.traffic = traffic;
        this.clock = clock;
    }

    /** Takes an image a client sent, and its buffer, which it releases; completes once the image is kept or refused. */
    CompletableFuture<Void> accept(Connection from, ImageHeader header, ByteBuf bytes, long millis) {
        Upload upload = new Upload(() -> take(from, header, bytes, millis), bytes);
        try {
            worker.execute(upload);
        } catch (RejectedExecutionException e) {
            upload.drop(e); // stopping: the client is being closed too
        }
        return upload.done;
    }

    /** An image waiting for the worker: run, or dropped when the worker stops first, its buffer is released. */
    private record Upload(Runnable take, ByteBuf bytes, CompletableFuture<Void> done) implements Runnable {

        Upload(Runnable take, ByteBuf bytes) {
            this(take, bytes, new CompletableFuture<>());
        }

        /** Released before the sender is read again (on completion): one image of a sender in memory at a time. */
        @Override
        public void run() {
            Throwable failure = null;
            try {
                take.run();
            } catch (Throwable e) { // as a future from runAsync would: the worker goes on with the next image
                failure = e;
            } finally {
                bytes.release();
            }
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure);
            }
        }

        void drop(Exception why) {
            bytes.release();
            done.completeExceptionally(why);
        }
    }

    private void take(Connection from, ImageHeader header, ByteBuf bytes, long millis) {
        RelaySettings now = settings.get();
        ImageInfo info;
        try {
            info = ImageFormat.inspect(bytes, now.maxPixels());
        } catch (NotAnImageException e) {
            refuse(from, header, bytes.readableBytes(), e.getMessage());
            return;
        }
        ImageStore images = store.get();
        if (images == null) {
            refuse(from, header, bytes.readableBytes(), "the bench has no usable images folder (its log says why); nothing was stored");
            return;
        }
        ImageStore.Kept kept;
        try {
            kept = images.keep(bytes, info, from.host(), header.name(), clock.instant());
        } catch (IOException | RuntimeException e) {
            String why = KeepProblem.reason(e);
            from.tell(RelayMessages.refused(header.name(), "the bench could not keep it (" + why
                    + "); nothing was stored: send it again once the images folder is writable"));
            traffic.notKept(from, header.name(), bytes.readableBytes(), now.imagesFolder(), why);
            return;
        }
        from.received(bytes.readableBytes());
        from.tell(RelayMessages.stored(header.name(), kept.image().file().getFileName().toString(),
                kept.duplicate()));
        traffic.received(from, kept, millis);
        if (now.relay() == RelayMode.ALL) {
            relay(from, kept.image(), bytes);
        }
    }

    private void relay(Connection from, StoredImage image, ByteBuf bytes) {
        List<Connection> others = clients.all().stream().filter(c -> c != from).toList();
        int reached = Connection.sendImage(others, image.name(), image.mime(), bytes, RelayMessages.fromClient(from.id()));
        if (reached > 0) {
            traffic.relayed(from, image, reached);
        }
    }

    private void refuse(Connection from, ImageHeader header, int bytes, String why) {
        from.tell(RelayMessages.refused(header.name(), why));
        traffic.refused(from, header.name(), bytes, why);
    }

    /** Finishes the image under way, drops the rest: the relay is stopping. */
    void close() throws InterruptedException {
        RejectedExecutionException stopping = new RejectedExecutionException("the image relay is stopping");
        for (Runnable waiting : worker.shutdownNow()) {
            ((Upload) waiting).drop(stopping);
        }
        worker.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
