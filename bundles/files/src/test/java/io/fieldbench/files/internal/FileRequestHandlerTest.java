package io.fieldbench.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

import io.netty.buffer.Unpooled;
import io.netty.channel.FileRegion;
import io.netty.channel.embedded.EmbeddedChannel;

import io.fieldbench.server.support.ListenerSettings;

/** The request handler on an embedded channel: the disk is asked on the disk executor, never on the event loop. */
class FileRequestHandlerTest {

    @TempDir
    Path shared;

    /** Runs nothing until the test says: what was handed to the disk executor waits here. */
    private final Queue<Runnable> disk = new ArrayDeque<>();
    private final Executor diskExecutor = disk::add;
    private final RefusalLog refusals = new RefusalLog();

    private EmbeddedChannel channel() {
        FilesSettings settings = new FilesSettings(new ListenerSettings(true, "127.0.0.1", 0), shared, 1L << 30, false,
                300, 1024, List.of());
        Logger quiet = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> null);
        return new EmbeddedChannel(new FileRequestHandler(() -> settings, new Transfers(), refusals, quiet, diskExecutor));
    }

    @Test
    void theNameIsLookedUpOffTheEventLoopAndTheFileSentOnIt() throws Exception {
        Files.writeString(shared.resolve("report.txt"), "the report");
        EmbeddedChannel channel = channel();

        channel.writeInbound(Unpooled.copiedBuffer("report.txt\n", StandardCharsets.UTF_8));

        assertNull(channel.readOutbound(), "nothing sent before the disk answered");
        assertEquals(1, disk.size(), "the lookup waits on the disk executor, not on the event loop");
        disk.poll().run();
        channel.runPendingTasks();
        FileRegion region = channel.readOutbound();
        assertEquals("the report".length(), region.count());
        region.release();
        assertFalse(channel.isOpen(), "closed after the file");
    }

    @Test
    void aNameOutsideTheFolderIsRefusedOnceTheDiskAnswered() {
        EmbeddedChannel channel = channel();

        channel.writeInbound(Unpooled.copiedBuffer("../etc/passwd\n", StandardCharsets.UTF_8));

        assertTrue(channel.isOpen(), "still open while the disk is asked");
        disk.poll().run();
        channel.runPendingTasks();
        assertNull(channel.readOutbound(), "nothing sent");
        assertFalse(channel.isOpen());
        assertEquals(1, refusals.recent(10).size());
    }

    @Test
    void aFileThatCannotBeOpenedIsRefusedWithTheSystemsReasonAndNoPath() {
        assertEquals("cannot be opened: Too many open files",
                FileRequestHandler.unopenable(new FileSystemException("/srv/shared/big.bin", null, "Too many open files")));
        assertEquals(SharedFolder.UNREADABLE, FileRequestHandler.unopenable(new AccessDeniedException("/srv/shared/big.bin")));
    }
}
