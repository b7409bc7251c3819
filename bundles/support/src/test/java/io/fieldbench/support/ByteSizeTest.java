package io.fieldbench.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    @Test
    void bytesBelowAKibibyteAreWhole() {
        assertEquals("0 B", ByteSize.of(0));
        assertEquals("512 B", ByteSize.of(512));
        assertEquals("1023 B", ByteSize.of(1023));
    }

    @Test
    void largerSizesTakeTheLargestBinaryUnitWithATenth() {
        assertEquals("1.0 KiB", ByteSize.of(KIB));
        assertEquals("2.0 KiB", ByteSize.of(2048.0));
        assertEquals("1.5 MiB", ByteSize.of(MIB + MIB / 2));
        assertEquals("7.0 MiB", ByteSize.of(7_340_032));
        assertEquals("1.0 GiB", ByteSize.of(KIB * MIB));
        assertEquals("2048.0 TiB", ByteSize.of(2048.0 * KIB * KIB * MIB), "the largest unit grows past 1024");
    }

    @Test
    void aSizeThatWouldBeWritten1024TakesTheNextUnit() {
        assertEquals("1.0 KiB", ByteSize.of(1023.7));
        assertEquals("1.0 MiB", ByteSize.of(MIB - 1));
        assertEquals("1023.9 KiB", ByteSize.of(MIB - 150));
    }

    @Test
    void theTextIsTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("1.5 MiB", ByteSize.of(MIB + MIB / 2));
        } finally {
            Locale.setDefault(before);
        }
    }
}
