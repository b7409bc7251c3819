package io.fieldbench.chat.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.fieldbench.api.chat.ChatMessage;

/**
 * The messages waiting for the view's next refresh, bounded: when the view falls behind, the
 * newest are dropped and counted, so that the EDT does at most one batch a tick.
 */
final class MessageIntake {

    static final int CAPACITY = 10_000;

    private final BlockingQueue<ChatMessage> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    void offer(ChatMessage message) {
        if (!waiting.offer(message)) {
            dropped.incrementAndGet();
        }
    }

    List<ChatMessage> drain() {
        List<ChatMessage> batch = new ArrayList<>();
        waiting.drainTo(batch);
        return batch;
    }

    long dropped() {
        return dropped.get();
    }
}
