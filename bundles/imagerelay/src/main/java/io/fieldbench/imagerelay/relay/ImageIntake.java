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
 * {@code refused}; with relay=all the image then goes to every other client.
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

    /** Takes an image a client sent; completes once it is kept or refused. */
    CompletableFuture<Void> accept(Connection from, ImageHeader header, byte[] bytes, long millis) {
        try {
            return CompletableFuture.runAsync(() -> take(from, header, bytes, millis), worker);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e); // stopping: the client is being closed too
        }
    }

    private void take(Connection from, ImageHeader header, byte[] bytes, long millis) {
        RelaySettings now = settings.get();
        ImageInfo info;
        try {
            info = ImageFormat.inspect(bytes, now.maxPixels());
        } catch (NotAnImageException e) {
            refuse(from, header, bytes, e.getMessage());
            return;
        }
        ImageStore images = store.get();
        if (images == null) {
            refuse(from, header, bytes, "the bench has no usable images folder (its log says why); nothing was stored");
            return;
        }
        ImageStore.Kept kept;
        try {
            kept = images.keep(bytes, info, from.host(), header.name(), clock.instant());
        } catch (IOException | RuntimeException e) {
            String why = KeepProblem.reason(e);
            from.tell(RelayMessages.refused(header.name(), "the bench could not keep it (" + why
                    + "); nothing was stored: send it again once the images folder is writable"));
            traffic.notKept(from, header.name(), bytes.length, now.imagesFolder(), why);
            return;
        }
        from.received(bytes.length);
        from.tell(RelayMessages.stored(header.name(), kept.image().file().getFileName().toString(),
                kept.duplicate()));
        traffic.received(from, kept, millis);
        if (now.relay() == RelayMode.ALL) {
            relay(from, kept.image(), bytes);
        }
    }

    private void relay(Connection from, StoredImage image, byte[] bytes) {
        List<Connection> others = clients.all().stream().filter(c -> c != from).toList();
        int reached = Connection.sendImage(others, image.name(), image.mime(), bytes, RelayMessages.fromClient(from.id()));
        if (reached > 0) {
            traffic.relayed(from, image, reached);
        }
    }

    private void refuse(Connection from, ImageHeader header, byte[] bytes, String why) {
        from.tell(RelayMessages.refused(header.name(), why));
        traffic.refused(from, header.name(), bytes.length, why);
    }

    /** Finishes the image under way, drops the rest: the relay is stopping. */
    void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
