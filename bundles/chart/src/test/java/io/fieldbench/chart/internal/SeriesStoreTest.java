package io.fieldbench.chart.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Sample;

class SeriesStoreTest {

    private static final SeriesKey TEMP = new SeriesKey("dev-1", "temp");
    /** Far longer than a lock-free read takes, far shorter than "forever". */
    private static final long DEADLINE_SECONDS = 5;

    static Sample sample(String device, long time, Map<String, Double> channels) {
        return new Sample(device, new InetSocketAddress("127.0.0.1", 5000), Instant.ofEpochMilli(time), "text",
                OptionalLong.empty(), channels, Map.of(), 20);
    }

    @Test
    void filesEveryChannelUnderItsDevice() {
        SeriesStore store = new SeriesStore(100);

        store.append(List.of(sample("dev-1", 1000, Map.of("temp", 20.5, "hum", 40.0)),
                sample("dev-2", 1001, Map.of("temp", 7.0))));

        assertEquals(List.of(new SeriesKey("dev-1", "hum"), TEMP, new SeriesKey("dev-2", "temp")), store.keys());
        SeriesPoints points = store.points(TEMP, 0, Long.MAX_VALUE);
        assertArrayEquals(new long[] {1000}, points.times());
        assertArrayEquals(new double[] {20.5}, points.values());
        assertEquals(3, store.usage().points());
    }

    @Test
    void aReplayedBatchMarksItsSeriesUntilALiveBatchArrives() {
        SeriesStore store = new SeriesStore(100);
        SeriesKey other = new SeriesKey("dev-2", "temp");
        store.append(List.of(sample("dev-1", 1000, Map.of("temp", 1.0)), sample("dev-2", 1000, Map.of("temp", 2.0))));
        assertFalse(store.replaying(List.of(TEMP, other)), "live data marked as replay");

        store.append(List.of(sample("dev-1", 1001, Map.of("temp", 3.0))), true);
        assertTrue(store.replaying(List.of(TEMP)));
        assertTrue(store.replaying(List.of(other, TEMP)), "any replayed series marks the chart");
        assertFalse(store.replaying(List.of(other)), "a series that got no replay is marked");

        store.append(List.of(sample("dev-1", 1002, Map.of("temp", 4.0))));
        assertFalse(store.replaying(List.of(TEMP)), "live data did not clear the mark");
        assertEquals(3, store.size(TEMP));
    }

    @Test
    void keepsOnlyTheNewestRetainedPoints() {
        SeriesStore store = new SeriesStore(1500);

        List<Sample> batch = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            batch.add(sample("dev-1", i, Map.of("temp", (double) i)));
        }
        store.append(batch);

        SeriesPoints points = store.points(TEMP, 0, Long.MAX_VALUE);
        assertEquals(1500, points.count());
        assertEquals(2500, points.times()[0]);
        assertEquals(3999.0, points.values()[1499]);
        assertEquals(2500, store.usage().evicted());
        assertEquals(1500L * SeriesRing.BYTES_PER_POINT, store.usage().bytes());
    }

    @Test
    void aWindowHoldsItsPointsAndOneBeyondEachEnd() {
        SeriesStore store = new SeriesStore(100);
        for (int i = 0; i < 10; i++) {
            store.append(List.of(sample("dev-1", i * 100L, Map.of("temp", (double) i))));
        }

        SeriesPoints window = store.window(TEMP, 300, 500, 100);

        assertArrayEquals(new long[] {200, 300, 400, 500, 600}, window.times());
        assertEquals(5, window.raw());
    }

    @Test
    void whatTheEdtReadsNeverWaitsForTheLockTheDrawWorkerHolds() throws Exception {
        SeriesStore store = new SeriesStore(100);
        for (int i = 0; i < 10; i++) {
            store.append(List.of(sample("dev-1", 1000 + i, Map.of("temp", (double) i))));
        }
        SeriesRing ring = store.existing(TEMP);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        ExecutorService edt = Executors.newSingleThreadExecutor();
        try {
            // the draw worker holds the ring's lock for as long as a decimation of a full ring takes
            Future<?> decimating = worker.submit(() -> {
                synchronized (ring) {
                    held.countDown();
                    release.await();
                }
                return null;
            });
            assertTrue(held.await(DEADLINE_SECONDS, TimeUnit.SECONDS), "the worker never took the lock");

            // what a chart pane reads on the EDT every refresh and status line, while that lock is held
            Future<List<Long>> read = edt.submit(() -> List.of(store.version(), store.oldest(List.of(TEMP)),
                    store.newest(List.of(TEMP)), (long) store.size(TEMP), store.usage().points(),
                    store.replaying(List.of(TEMP)) ? 1L : 0L, (long) store.keys().size()));

            assertEquals(List.of(10L, 1000L, 1009L, 10L, 10L, 0L, 1L),
                    read.get(DEADLINE_SECONDS, TimeUnit.SECONDS), "read while the worker held the lock");
            assertFalse(decimating.isDone(), "the lock was let go before the reads: the test proved nothing");
            release.countDown();
            decimating.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            worker.shutdownNow();
            edt.shutdownNow();
        }
    }

    @Test
    void aSlightlyOlderPointIsFiledAtTheNewestTimeAndAMuchOlderOneStartsAfresh() {
        SeriesRing ring = new SeriesRing(10);
        ring.add(10_000, 1);
        ring.add(9_900, 2);
        assertArrayEquals(new long[] {10_000, 10_000}, ring.all(0, Long.MAX_VALUE).times());

        ring.add(1_000, 3);
        ring.publish();

        assertEquals(1, ring.summary().size());
        assertEquals(1, ring.summary().restarts());
    }

    @Test
    void aLargeWindowIsDecimatedToAtMostTwoPointsPerColumnKeepingTheExtremes() {
        // 1 000 pixels over 1 000 000 ms: columns of 768 ms, 1 303 of them
        SeriesStore store = new SeriesStore(1_000_000);
        List<Sample> batch = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            double value = i == 123_456 ? 1e6 : i == 654_321 ? -1e6 : Math.sin(i / 1000.0);
            batch.add(sample("dev-1", i, Map.of("temp", value)));
        }
        store.append(batch);

        SeriesPoints drawn = store.window(TEMP, 0, 999_999, 1000);

        assertTrue(drawn.count() <= 2 * 1303, "drawn " + drawn.count());
        assertEquals(1_000_000, drawn.raw());
        assertTrue(contains(drawn, 123_456, 1e6) && contains(drawn, 654_321, -1e6), "extremes kept");
        for (int i = 1; i < drawn.count(); i++) {
            assertTrue(drawn.times()[i] >= drawn.times()[i - 1], "time order at " + i);
        }
    }

    private static boolean contains(SeriesPoints points, long time, double value) {
        for (int i = 0; i < points.count(); i++) {
            if (points.times()[i] == time && points.values()[i] == value) {
                return true;
            }
        }
        return false;
    }
}
