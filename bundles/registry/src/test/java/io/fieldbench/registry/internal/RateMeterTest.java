package io.fieldbench.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long START = 1_000 * SECOND;

    private final RateMeter meter = new RateMeter();

    @Test
    void averagesOverTheRecentSeconds() {
        for (int i = 0; i < 100; i++) {
            meter.record(START + i * SECOND / 10); // 10 a second for 10 s
        }

        assertEquals(10, meter.perSecond(START + 10 * SECOND), 0.5);
    }

    @Test
    void aFirstDatagramIsNotAHugeRate() {
        meter.record(START);

        assertEquals(1, meter.perSecond(START + SECOND / 1_000), 1e-9);
    }

    @Test
    void fallsToZeroWhenTheDeviceIsSilent() {
        for (int i = 0; i < 50; i++) {
            meter.record(START + i * SECOND / 10);
        }

        assertEquals(0, meter.perSecond(START + 5 * SECOND + RateMeter.SECONDS * SECOND), 1e-9);
    }

    @Test
    void nothingRecordedIsZero() {
        assertEquals(0, meter.perSecond(START), 1e-9);
    }
}
