package io.fieldbench.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BatchIntakeTest {

    private static final long WAIT_SECONDS = 5;

    @Test
    void worksThroughBatchesInOrderOnItsOwnThread() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(100);
        BatchIntake<Integer> intake = new BatchIntake<>("test-intake", batch -> {
            threads.add(Thread.currentThread().getName());
            seen.add(batch);
            done.countDown();
        }, () -> { }, e -> { });

        for (int i = 0; i < 100; i++) {
            intake.offer(i, 1);
        }

        assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(java.util.stream.IntStream.range(0, 100).boxed().toList(), seen);
        assertTrue(threads.stream().allMatch("test-intake"::equals));
        intake.close(WAIT_SECONDS * 1_000);
    }

    @Test
    void countsTheItemsOfBatchesItHasNoRoomFor() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        BatchIntake<Integer> intake = new BatchIntake<>("test-intake", 2, batch -> {
            started.countDown();
            await(release);
        }, () -> { }, e -> { });
        intake.offer(0, 10);
        assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS)); // the worker holds batch 0

        intake.offer(1, 10);
        intake.offer(2, 10);
        intake.offer(3, 7);
        intake.offer(4, 5);

        assertEquals(12, intake.dropped());
        release.countDown();
        intake.close(WAIT_SECONDS * 1_000);
    }

    @Test
    void runsATaskInOrderWithTheBatchesOnItsThreadEvenWhenFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        BatchIntake<Integer> intake = new BatchIntake<>("test-intake", 2, batch -> {
            started.countDown();
            await(release);
            done.add("batch " + batch);
        }, () -> { }, e -> { });
        intake.offer(0, 1);
        assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS)); // the worker holds batch 0
        intake.offer(1, 1);
        intake.offer(2, 1); // the queue is full now

        CompletableFuture<String> thread = new CompletableFuture<>();
        intake.runAfterQueued(() -> thread.complete(Thread.currentThread().getName()));
        intake.offer(3, 1);
        release.countDown();

        assertEquals("test-intake", thread.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of("batch 0", "batch 1", "batch 2"), done, "the task came after the batches queued before it");
        assertEquals(1, intake.dropped(), "batch 3 found no room");
        intake.close(WAIT_SECONDS * 1_000);
    }

    @Test
    void aFailingBatchDoesNotStopTheIntake() throws Exception {
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        BatchIntake<Integer> intake = new BatchIntake<>("test-intake", batch -> {
            if (batch == 0) {
                throw new IllegalStateException("broken");
            }
            done.countDown();
        }, () -> { }, failures::add);

        intake.offer(0, 1);
        intake.offer(1, 1);

        assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(1, failures.size());
        intake.close(WAIT_SECONDS * 1_000);
    }

    @Test
    void saysWhenTheStreamPauses() throws Exception {
        CountDownLatch idleAfterTheBatch = new CountDownLatch(1);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        BatchIntake<Integer> intake = new BatchIntake<>("test-intake", seen::add, () -> {
            if (seen.contains(1)) {
                idleAfterTheBatch.countDown();
            }
        }, e -> { });

        intake.offer(1, 1);

        assertTrue(idleAfterTheBatch.await(WAIT_SECONDS, TimeUnit.SECONDS), "idle once the batch was done");
        intake.close(WAIT_SECONDS * 1_000);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
