package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void ratesChangeOncePerSecondOverTheWholeWindow() {
        RateMeter meter = new RateMeter();
        meter.sample(100, 10_000, 0);

        assertFalse(meter.sample(600, 60_000, SECOND / 2));
        assertEquals(0, meter.rates().datagrams());

        assertTrue(meter.sample(2_100, 210_000, 2 * SECOND));
        assertEquals(1_000, meter.rates().datagrams(), 1e-9);
        assertEquals(100_000, meter.rates().bytes(), 1e-9);

        assertTrue(meter.sample(2_100, 210_000, 3 * SECOND));
        assertEquals(0, meter.rates().datagrams(), "a silent second shows zero");
    }
}
