package io.fieldbench.imagerelay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test of the bundle runs with Netty's leak detector at its paranoid level: each buffer is
 * tracked with where it was touched. After each test class the garbage is collected until the
 * detector has looked at what was freed, and a buffer collected without its release fails the
 * class with the detector's records of it. Registered for every test by JUnit's extension
 * autodetection (the service file in the test resources), so it is set before any buffer exists.
 */
public final class BufferLeaks implements AfterAllCallback {

    /** How long collected buffers are looked for: a leak is reported once the collector has queued its buffer. */
    private static final Duration LOOKING = Duration.ofSeconds(2);
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    /** Buffers tracked so far: a class that made none is not looked at. */
    private static final AtomicLong TRACKED = new AtomicLong();
    private static long trackedBefore;

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval, long maxActive) {
                return new RecordingDetector<>(resource, samplingInterval);
            }
        });
    }

    /** Netty's detector, its reports kept for the test rather than only logged. */
    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {

        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected Object getInitialHint(String resourceType) {
            TRACKED.incrementAndGet(); // asked once for each buffer tracked
            return super.getInitialHint(resourceType);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add(resourceType + " released never:" + records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add(resourceType + " released never");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long tracked = TRACKED.get();
        if (tracked == trackedBefore) {
            return;
        }
        trackedBefore = tracked;
        long end = System.nanoTime() + LOOKING.toNanos();
        while (LEAKS.isEmpty() && System.nanoTime() < end) {
            System.gc();
            ByteBufAllocator.DEFAULT.buffer(1).release(); // the detector looks at the collected buffers when it tracks a new one
        }
        List<String> leaks = List.copyOf(LEAKS);
        LEAKS.clear();
        assertEquals(List.of(), leaks, "buffers collected without their release in " + context.getDisplayName());
    }
}
