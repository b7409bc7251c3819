package io.fieldbench.shell.internal.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataFolderOpenerTest {

    private static final Path FOLDER = Path.of("/data/bench");

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final AtomicReference<String> problem = new AtomicReference<>();

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    private void openWith(DataFolderOpener.FolderOpener opener) throws InterruptedException {
        new DataFolderOpener(opener, worker, problem::set).open(FOLDER);
        worker.shutdown();
        assertTrue(worker.awaitTermination(5, TimeUnit.SECONDS), "the opening finishes");
    }

    @Test
    void opensTheFolderOnTheWorkerNotOnTheCallersThread() throws InterruptedException {
        AtomicReference<Thread> openedOn = new AtomicReference<>();
        AtomicReference<Path> opened = new AtomicReference<>();

        openWith(folder -> {
            openedOn.set(Thread.currentThread());
            opened.set(folder);
        });

        assertEquals(FOLDER, opened.get());
        assertNotSame(Thread.currentThread(), openedOn.get());
        assertNull(problem.get(), "no problem to tell");
    }

    @Test
    void saysInOneLineWhereTheDesktopCannotOpenFolders() throws InterruptedException {
        openWith(folder -> {
            throw new UnsupportedOperationException();
        });

        assertEquals("This desktop cannot open folders; the data folder is " + FOLDER, problem.get());
    }

    @Test
    void saysWhyTheDesktopFailed() throws InterruptedException {
        openWith(folder -> {
            throw new IOException("no file manager");
        });

        assertEquals("Cannot open the data folder " + FOLDER + ": no file manager", problem.get());
    }
}
