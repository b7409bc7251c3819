package io.fieldbench.decoder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NumberLiteralTest {

    @Test
    void shortDecimalsReadAsDoubleParseDoubleReadsThem() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String text = decimal(random);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(inLine(text).getAsDouble()), text);
        }
    }

    @Test
    void edgesOfTheShortPathReadExactly() {
        for (String text : new String[] { "-0", "+0.0", ".5", "5.", "+7", "-.000000000000001", "999999999999999",
                "9999999999999999", "0.1", "0.30000000000000004", "123456789012345.6", "1e2", "-2.5E-3" }) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(inLine(text).getAsDouble()), text);
        }
    }

    @Test
    void wholeNumbersAreReadInTheirLine() {
        String line = "seq=+17,big=99999999999999999999,neg=-3,sign=-,x=1";

        assertEquals(OptionalLong.of(17), NumberLiteral.parseWhole(line, 4, 7));
        assertEquals(OptionalLong.empty(), NumberLiteral.parseWhole(line, 12, 32));
        assertEquals(OptionalLong.of(-3), NumberLiteral.parseWhole(line, 37, 39));
        assertEquals(OptionalLong.empty(), NumberLiteral.parseWhole(line, 45, 46));
    }

    /** The number read in place, between the {@code =} and {@code ,} of a line, as the decoder reads it. */
    private static OptionalDouble inLine(String text) {
        String line = "t=" + text + ",hum=40";
        return NumberLiteral.parse(line, 2, 2 + text.length());
    }

    /** A sign or none, up to 17 digits with the point anywhere or nowhere, leading zeros included. */
    private static String decimal(Random random) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : random.nextBoolean() ? "-" : "+");
        int digits = 1 + random.nextInt(17);
        int point = random.nextInt(digits + 2) - 1;
        for (int d = 0; d < digits; d++) {
            if (d == point) {
                text.append('.');
            }
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }
}
