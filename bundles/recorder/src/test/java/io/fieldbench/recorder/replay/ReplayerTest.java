package io.fieldbench.recorder.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ReplayerTest {

    @Test
    void theViewsCallsNeverWaitForAStopThatHoldsTheReplayer() throws Exception {
        Replayer replayer = new Replayer();
        synchronized (replayer) { // as a stop waiting up to five seconds for the replay thread holds it
            assertEquals(ReplayProgress.IDLE, CompletableFuture.supplyAsync(replayer::progress).get(5, TimeUnit.SECONDS));
            CompletableFuture.runAsync(replayer::requestStop).get(5, TimeUnit.SECONDS);
            assertEquals(ReplayProgress.IDLE, CompletableFuture.supplyAsync(() -> replayer.pause(true)).get(5, TimeUnit.SECONDS));
        }
    }
}
