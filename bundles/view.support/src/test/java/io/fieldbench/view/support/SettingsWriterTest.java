package io.fieldbench.view.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fieldbench.support.DaemonThreads;

class SettingsWriterTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("test-settings-writer"));
    private final List<String> written = new ArrayList<>();

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void writesTheValuesIntoTheComponentsFileOnTheWorker() throws Exception {
        SettingsWriter writer = new SettingsWriter((pid, values, removed) -> written.add(
                pid + " " + values + " " + removed + " on " + Thread.currentThread().getName()), "io.example", worker);

        writer.write(Map.of("port", "9000")).get(10, TimeUnit.SECONDS);

        assertEquals(List.of("io.example {port=9000} [] on test-settings-writer"), written);
    }

    @Test
    void aFailedWriteFailsTheFutureWithItsProblem() {
        SettingsWriter writer = new SettingsWriter((pid, values, removed) -> {
            throw new IOException("disk full");
        }, "io.example", worker);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> writer.write(Map.of("port", "9000")).get(10, TimeUnit.SECONDS));

        assertInstanceOf(IOException.class, failure.getCause().getCause());
        assertEquals("disk full", failure.getCause().getCause().getMessage());
    }
}
