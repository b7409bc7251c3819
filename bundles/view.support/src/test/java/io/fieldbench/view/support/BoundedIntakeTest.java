package io.fieldbench.view.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.junit.jupiter.api.Test;

class BoundedIntakeTest {

    private static final int DRAIN_MILLIS = 5;

    @Test
    void holdsWhatFitsAndCountsTheRestAsDropped() {
        BoundedIntake<Integer> intake = new BoundedIntake<>(3);

        IntStream.rangeClosed(1, 5).forEach(intake::offer);

        assertEquals(3, intake.waiting());
        assertEquals(2, intake.dropped());
        assertEquals(List.of(1, 2, 3), intake.drain());
        assertEquals(0, intake.waiting());
    }

    @Test
    void aTimerDrainsWhatAnotherThreadOfferedOnTheEdtInBatchesOldestFirst() throws Exception {
        BoundedIntake<Integer> intake = new BoundedIntake<>(100);
        Thread deliverer = new Thread(() -> IntStream.rangeClosed(1, 25).forEach(intake::offer));
        deliverer.start();
        deliverer.join();
        List<List<Integer>> batches = new ArrayList<>();
        CompletableFuture<Boolean> allOnEdt = new CompletableFuture<>();
        List<Boolean> onEdt = new ArrayList<>();

        SwingUtilities.invokeAndWait(() -> {
            Timer timer = new Timer(DRAIN_MILLIS, null);
            timer.addActionListener(e -> {
                onEdt.add(SwingUtilities.isEventDispatchThread());
                batches.add(intake.drain(10));
                if (intake.waiting() == 0) {
                    timer.stop();
                    allOnEdt.complete(!onEdt.contains(false));
                }
            });
            timer.start();
        });

        assertTrue(allOnEdt.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(10, 10, 5), batches.stream().map(List::size).toList());
        assertEquals(IntStream.rangeClosed(1, 25).boxed().toList(), batches.stream().flatMap(List::stream).toList());
        assertEquals(0, intake.dropped());
    }
}
