package io.fieldbench.imagerelay.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fieldbench.imagerelay.format.ImageFormat;
import io.fieldbench.imagerelay.format.NotAnImageException;
import io.fieldbench.imagerelay.format.TestImages;
import io.fieldbench.imagerelay.store.ImageStore.Kept;

class ImageStoreTest {

    /** 2026-11-22 10:15:00 here, whatever the zone the tests run in: names use local time. */
    private static final Instant TIME = LocalDateTime.of(2026, 11, 22, 10, 15).atZone(ZoneId.systemDefault()).toInstant();
    private static final int THREADS = 8;

    @TempDir
    Path folder;

    @Test
    void keepsAnImageUnderItsTimeSenderAndName() throws Exception {
        ImageStore store = new ImageStore(folder);
        byte[] jpeg = TestImages.picture("jpg", 40, 30);

        Kept kept = keep(store, jpeg, "192.168.1.5", "IMG_1.jpg", TIME);

        Path file = folder.resolve("20261122-101500-192.168.1.5-IMG_1.jpg");
        assertFalse(kept.duplicate());
        assertEquals(new StoredImage(TIME, "192.168.1.5", "IMG_1.jpg", "image/jpeg", jpeg.length, 40, 30, file,
                sha256(jpeg)), kept.image());
        assertArrayEquals(jpeg, Files.readAllBytes(file));
        assertEquals(TIME, Files.getLastModifiedTime(file).toInstant());
        assertEquals(List.of(kept.image()), store.images());
        assertEquals(Optional.of(kept.image()), store.find(file.getFileName().toString()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = { "photo,photo.jpg", "photo.png,photo.jpg", "photo.JPEG,photo.JPEG",
            "scan.v2,scan.v2.jpg", "'',image.jpg", "NULL,image.jpg", "../../etc/passwd,passwd.jpg",
            "C:\\Users\\ann\\IMG_2.jpg,IMG_2.jpg" })
    void givesTheNameTheExtensionItsBytesCallFor(String name, String kept) throws Exception {
        ImageStore store = new ImageStore(folder);

        StoredImage image = keep(store, TestImages.picture("jpg", 8, 8), "bench", name, TIME).image();

        assertEquals(kept, image.name());
        assertEquals("20261122-101500-bench-" + kept, image.file().getFileName().toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "0:0:0:0:0:0:0:1,0_0_0_0_0_0_0_1", "fe80::1%wlan0,fe80__1%wlan0", "client-3,client_3",
            "'',unknown" })
    void makesTheSenderSafeAndReadsItBackAfterARestart(String sender, String kept) throws Exception {
        StoredImage image = keep(new ImageStore(folder), TestImages.picture("png", 8, 8), sender, "a-b.png", TIME)
                .image();

        assertEquals(kept, image.sender());
        assertEquals("a-b.png", image.name());
        assertEquals(List.of(image), new ImageStore(folder).images());
    }

    @Test
    void keepsARepeatOnceAndSaysSo() throws Exception {
        ImageStore store = new ImageStore(folder);
        byte[] png = TestImages.picture("png", 20, 20);
        Kept first = keep(store, png, "10.0.0.1", "a.png", TIME);

        Kept repeat = keep(store, png, "10.0.0.2", "b.png", TIME.plusSeconds(60));

        assertTrue(repeat.duplicate());
        assertEquals(first.image(), repeat.image());
        assertEquals(List.of("20261122-101500-10.0.0.1-a.png"), visibleFiles());
    }

    @Test
    void numbersADifferentImageThatWouldTakeAnExistingName() throws Exception {
        ImageStore store = new ImageStore(folder);
        keep(store, TestImages.picture("png", 20, 20), "bench", "a.png", TIME);

        StoredImage second = keep(store, TestImages.picture("png", 21, 20), "bench", "a.png", TIME).image();
        StoredImage third = keep(store, TestImages.picture("png", 22, 20), "bench", "a.png", TIME).image();

        assertEquals("20261122-101500-bench-a-2.png", second.file().getFileName().toString());
        assertEquals("20261122-101500-bench-a-3.png", third.file().getFileName().toString());
        assertEquals(3, visibleFiles().size());
    }

    @Test
    void findsTheGalleryAgainAfterARestartNewestFirst() throws Exception {
        ImageStore before = new ImageStore(folder);
        StoredImage old = keep(before, TestImages.picture("gif", 9, 9), "bench", "old.gif", TIME).image();
        StoredImage newest = keep(before, TestImages.picture("bmp", 9, 9), "bench", "new.bmp", TIME.plusSeconds(2))
                .image();
        StoredImage middle = keep(before, TestImages.webpVp8(9, 9), "bench", "mid.webp", TIME.plusSeconds(1)).image();

        ImageStore after = new ImageStore(folder);

        assertEquals(List.of(newest, middle, old), after.images());
        assertEquals(3, after.count());
        assertEquals(before.images(), after.images());
        assertTrue(keep(after, TestImages.picture("gif", 9, 9), "x", "y.gif", TIME).duplicate());
    }

    @Test
    void findsTheGalleryFromTheFileNamesAloneWhenTheIndexIsLost() throws Exception {
        ImageStore before = new ImageStore(folder);
        keep(before, TestImages.picture("jpg", 12, 10), "192.168.1.5", "照片.jpg", TIME);
        keep(before, TestImages.picture("png", 12, 10), "192.168.1.6", "b.png", TIME.plusSeconds(5));
        Files.delete(folder.resolve(ImageIndex.FILE_NAME));

        assertEquals(before.images(), new ImageStore(folder).images());
    }

    @Test
    void forgetsAnImageDeletedByHandAndKeepsItAgainWhenItComesBack() throws Exception {
        ImageStore store = new ImageStore(folder);
        byte[] jpeg = TestImages.picture("jpg", 16, 16);
        StoredImage image = keep(store, jpeg, "bench", "a.jpg", TIME).image();

        Files.delete(image.file());

        assertEquals(List.of(), store.images());
        assertEquals(Optional.empty(), store.find(image.file().getFileName().toString()));
        assertEquals(List.of(), new ImageStore(folder).images());
        Kept again = keep(store, jpeg, "bench", "a.jpg", TIME);
        assertFalse(again.duplicate());
        assertArrayEquals(jpeg, Files.readAllBytes(again.image().file()));
    }

    @Test
    void readsAFileChangedByHandAgainAtStart() throws Exception {
        StoredImage image = keep(new ImageStore(folder), TestImages.picture("png", 16, 16), "bench", "a.png", TIME)
                .image();
        byte[] other = TestImages.picture("png", 30, 20);
        Files.write(image.file(), other);

        StoredImage found = new ImageStore(folder).images().get(0);

        assertEquals(List.of(30, 20, sha256(other)), List.of(found.width(), found.height(), found.sha256()));
    }

    @Test
    void trustsTheIndexForAFileOfTheSameSizeAndTimeRatherThanReadingItAgain() throws Exception {
        StoredImage image = keep(new ImageStore(folder), TestImages.picture("png", 16, 16), "bench", "a.png", TIME)
                .image();
        // same size, same time, other bytes: only reading the file could notice
        Files.write(image.file(), new byte[(int) image.size()]);
        Files.setLastModifiedTime(image.file(), FileTime.from(TIME));

        assertEquals(List.of(image), new ImageStore(folder).images());
    }

    @Test
    void leavesOtherFilesAloneAndClearsWritesCutShortByACrash() throws Exception {
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        Files.write(folder.resolve(".incoming-3f2a"), new byte[100]);
        Files.write(folder.resolve("20261122-101500-10.0.0.9-b.jpg"), TestImages.picture("jpg", 5, 5));

        ImageStore store = new ImageStore(folder);

        assertEquals(List.of("10.0.0.9 b.jpg"),
                store.images().stream().map(image -> image.sender() + " " + image.name()).toList());
        assertTrue(Files.exists(folder.resolve("notes.txt")));
        assertFalse(Files.exists(folder.resolve(".incoming-3f2a")));
        assertEquals(List.of("20261122-101500-10.0.0.9-b.jpg", "notes.txt"), visibleFiles());
    }

    @Test
    void takesAFileDroppedInByHandWithItsOwnNameAndTime() throws Exception {
        Path dropped = Files.write(folder.resolve("holiday.gif"), TestImages.picture("gif", 7, 3));
        Files.setLastModifiedTime(dropped, FileTime.from(TIME));

        StoredImage image = new ImageStore(folder).images().get(0);

        assertEquals(List.of("", "holiday.gif", "image/gif", TIME),
                List.of(image.sender(), image.name(), image.mime(), image.time()));
    }

    @Test
    void keepsTheSameBytesSentAtOnceFromManyThreadsOnce() throws Exception {
        ImageStore store = new ImageStore(folder);
        byte[] photo = TestImages.noiseJpeg(300, 200, 1);

        List<Kept> kept = atOnce(i -> keep(store, photo, "10.0.0." + i, "same.jpg", TIME));

        assertEquals(1, kept.stream().filter(k -> !k.duplicate()).count());
        assertEquals(1, kept.stream().map(k -> k.image().file()).distinct().count());
        assertEquals(1, visibleFiles().size());
    }

    @Test
    void keepsDifferentImagesSentAtOnceUnderTheSameNameApart() throws Exception {
        ImageStore store = new ImageStore(folder);

        List<Kept> kept = atOnce(i -> keep(store, TestImages.picture("png", 10 + i, 10), "bench", "a.png", TIME));

        assertEquals(THREADS, kept.stream().map(k -> k.image().file()).distinct().count());
        assertEquals(THREADS, visibleFiles().size());
        assertEquals(THREADS, new ImageStore(folder).images().size());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = { "../../etc,etc", "../../etc/passwd,passwd", "C:\\x\\y.jpg,y.jpg",
            "'..',image", "'',image", "NULL,image", "'   ',image", "'  .hidden.jpg . ',hidden.jpg",
            "my..photo.jpg,my.photo.jpg", "'wh?at*<>|:\".jpg',wh_at______.jpg", "照片 2024.jpg,照片 2024.jpg",
            "Фото №1.png,Фото №1.png" })
    void makesNamesSafe(String name, String safe) {
        assertEquals(safe, ImageStore.safeName(name));
    }

    @Test
    void dropsControlAndFormattingCharactersThatCouldForgeALogLineOrHideAnExtension() {
        // a line break or tab is white space and becomes a space; NUL and the right-to-left override go
        assertEquals("ab cgpj.exe.jpg", ImageStore.safeName("a\u0000b\nc\u202Egpj.exe.jpg"));
        assertEquals("tab.png", ImageStore.safeName("\ttab.png\r\n"));
    }

    @Test
    void composesAccentsAsOneCharacter() {
        assertEquals("caf\u00e9.jpg", ImageStore.safeName("cafe\u0301.jpg"));
    }

    @Test
    void shortensLongNamesButKeepsTheExtension() {
        String latin = ImageStore.safeName("a".repeat(300) + ".jpeg");
        String chinese = ImageStore.safeName("照".repeat(300) + ".jpg");

        assertEquals("a".repeat(75) + ".jpeg", latin);
        assertEquals("照".repeat(52) + ".jpg", chinese);
        assertTrue(chinese.getBytes(StandardCharsets.UTF_8).length <= ImageFileName.MAX_BYTES);
    }

    @Test
    void writesALongChineseNameTheFileSystemTakes() throws Exception {
        StoredImage image = keep(new ImageStore(folder), TestImages.picture("jpg", 8, 8), "客户端".repeat(30),
                "照".repeat(300) + ".jpg", TIME).image();

        assertTrue(Files.isRegularFile(image.file()));
        assertEquals(List.of(image), new ImageStore(folder).images());
    }

    private interface Keeping {
        Kept keep(int thread) throws Exception;
    }

    /** Runs the same keep on every thread, released together, and answers every outcome. */
    private static List<Kept> atOnce(Keeping keeping) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Kept>> outcomes = IntStream.range(0, THREADS).mapToObj(i -> threads.submit(() -> {
                go.await();
                return keeping.keep(i);
            })).toList();
            go.countDown();
            List<Kept> kept = new ArrayList<>();
            for (Future<Kept> outcome : outcomes) {
                kept.add(outcome.get(30, TimeUnit.SECONDS));
            }
            return kept;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Kept keep(ImageStore store, byte[] bytes, String sender, String name, Instant time)
            throws IOException, NotAnImageException {
        ByteBuf upload = TestImages.upload(bytes);
        try {
            Kept kept = store.keep(upload, ImageFormat.inspect(upload, Long.MAX_VALUE), sender, name, time);
            assertEquals(bytes.length, upload.readableBytes(), "the upload's bytes are read in place, not consumed");
            return kept;
        } finally {
            upload.release();
        }
    }

    private List<String> visibleFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted()
                    .toList();
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
