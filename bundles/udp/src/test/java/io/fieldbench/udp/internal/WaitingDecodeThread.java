package io.fieldbench.udp.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A decode thread of a test, waiting up to 10 minutes for a datagram from the queue. */
final class WaitingDecodeThread {

    private WaitingDecodeThread() {
    }

    /**
     * Starts it and returns once it waits in the queue, so that the wake-up, not its first look,
     * must bring the datagram; the future has the datagram it took.
     */
    static CompletableFuture<RawDatagram> start(DecodeQueue queue) {
        CompletableFuture<RawDatagram> polled = new CompletableFuture<>();
        Thread decodeThread = new Thread(() -> {
            try {
                polled.complete(queue.poll(10, TimeUnit.MINUTES));
            } catch (InterruptedException e) {
                polled.completeExceptionally(e);
            }
        });
        decodeThread.setDaemon(true);
        decodeThread.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (decodeThread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return polled;
    }
}
