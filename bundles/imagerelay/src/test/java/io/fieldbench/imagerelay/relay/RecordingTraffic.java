package io.fieldbench.imagerelay.relay;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.fieldbench.imagerelay.store.ImageStore;
import io.fieldbench.imagerelay.store.StoredImage;
import io.fieldbench.server.support.tcp.DisconnectReason;

/** What the relay reported, one line each, for a test to wait for and read. */
final class RecordingTraffic implements RelayTraffic {

    private static final long WAIT_SECONDS = 10;
    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();

    /** The next report; fails when none comes in time. */
    String next() throws InterruptedException {
        String report = reports.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (report == null) {
            throw new AssertionError("nothing reported within " + WAIT_SECONDS + " s");
        }
        return report;
    }

    boolean isEmpty() {
        return reports.isEmpty();
    }

    @Override
    public void connected(Connection client) {
        reports.add("connected " + client.id());
    }

    @Override
    public void disconnected(Connection client, DisconnectReason reason, String detail) {
        reports.add("disconnected " + client.id() + " " + reason + " " + detail);
    }

    @Override
    public void refused(String address, String why) {
        reports.add("refused connection: " + why);
    }

    @Override
    public void refused(Connection client, String name, long bytes, String why) {
        reports.add("refused " + client.id() + " '" + name + "' " + bytes + ": " + why);
    }

    @Override
    public void notKept(Connection client, String name, long bytes, Path folder, String why) {
        reports.add("not kept " + client.id() + " '" + name + "' " + bytes + ": " + why);
    }

    @Override
    public void received(Connection client, ImageStore.Kept kept, long millis) {
        reports.add("received " + client.id() + " " + kept.image().name() + (kept.duplicate() ? " duplicate" : ""));
    }

    @Override
    public void relayed(Connection from, StoredImage image, int clients) {
        reports.add("relayed " + image.name() + " to " + clients);
    }
}
