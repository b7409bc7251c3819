package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelDropsTest {

    private static final String HEADER = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops";
    /** Port 9999 (0x270F) twice: someone else's socket (inode 111) and ours (inode 222), which dropped 37. */
    private static final List<String> TABLE = List.of(HEADER,
            "  512: 0100007F:270F 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 111 2 0000000000000000 5",
            "  513: 00000000:270F 00000000:0000 07 00000000:00001200 00:00000000 00000000  1000        0 222 2 0000000000000000 37",
            "  514: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 333 2 0000000000000000 0");

    @TempDir
    Path folder;

    @Test
    void readsTheDropsColumnOfTheSocketWithThisInode() {
        assertEquals(37, KernelDrops.drops(TABLE, 222).getAsLong());
        assertEquals(5, KernelDrops.drops(TABLE, 111).getAsLong());
        assertTrue(KernelDrops.drops(TABLE, 999).isEmpty());
    }

    @Test
    void findsOurSocketAmongThoseOnThePort() throws IOException {
        Path udp = Files.write(folder.resolve("udp"), TABLE);
        Path udp6 = Files.write(folder.resolve("udp6"), List.of(HEADER));

        assertEquals(222, KernelDrops.findInode(9999, List.of(udp6, udp), Set.of(222L, 333L)));
        assertEquals(-1, KernelDrops.findInode(9998, List.of(udp6, udp), Set.of(222L, 333L)));
        assertEquals(-1, KernelDrops.findInode(9999, List.of(folder.resolve("missing")), Set.of(222L)));
    }

    @Test
    void isUnknownUntilASocketIsFound() {
        KernelDrops drops = new KernelDrops();

        assertEquals(-1, drops.total());
    }

    @Test
    void theTotalIsReadWithoutWaitingForWhoeverHoldsTheLock() throws Exception {
        KernelDrops drops = new KernelDrops();
        synchronized (drops) { // as an update would hold it: the view's four reads a second must not wait
            assertEquals(-1, CompletableFuture.supplyAsync(drops::total).get(5, TimeUnit.SECONDS));
        }
    }
}
