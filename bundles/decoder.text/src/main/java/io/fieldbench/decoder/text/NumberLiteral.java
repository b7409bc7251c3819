package io.fieldbench.decoder.text;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Which values are numbers. Decimal numbers with an optional sign, fraction and exponent
 * ({@code 21.5}, {@code -3}, {@code .5}, {@code 6.02e23}); {@code NaN}, {@code Inf} and
 * {@code Infinity} in any case with an optional sign, because sensors report them. A number too
 * large for a double ({@code 1e309}) is an infinity, as Java and IEEE 754 round it.
 * <p>
 * Stricter than {@link Double#parseDouble}, which also takes {@code 1d}, {@code 0x1p3} and
 * surrounding blanks: a firmware version {@code 1f} or a hex id is text, not a number.
 */
final class NumberLiteral {

    /**
     * Decimals of at most this many digits are read without {@link Double#parseDouble}: their digits
     * are a whole number below 2^53 and their power of ten a double exactly, so one division, rounded
     * once as IEEE 754 rounds it, gives the same double (Clinger's fast path). Readings are such numbers.
     */
    private static final int EXACT_DIGITS = 15;
    private static final double[] EXACT_POWERS_OF_TEN = new double[EXACT_DIGITS + 1];

    static {
        EXACT_POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= EXACT_DIGITS; i++) {
            EXACT_POWERS_OF_TEN[i] = 10 * EXACT_POWERS_OF_TEN[i - 1];
        }
    }

    private NumberLiteral() {
    }

    /** The number {@code text[start, end)}, read in place: a value needs no string of its own to be a number. */
    static OptionalDouble parse(String text, int start, int end) {
        int i = start;
        if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        if (isWord(text, i, end, "nan")) {
            return OptionalDouble.of(Double.NaN);
        }
        if (isWord(text, i, end, "inf") || isWord(text, i, end, "infinity")) {
            return OptionalDouble.of(text.charAt(start) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        int digits = 0;
        long mantissa = 0;
        for (; i < end && isDigit(text.charAt(i)); i++) {
            digits++;
            mantissa = 10 * mantissa + (text.charAt(i) - '0');
        }
        int decimals = 0;
        if (i < end && text.charAt(i) == '.') {
            for (i++; i < end && isDigit(text.charAt(i)); i++) {
                digits++;
                decimals++;
                mantissa = 10 * mantissa + (text.charAt(i) - '0');
            }
        }
        if (digits == 0) {
            return OptionalDouble.empty();
        }
        if (i == end && digits <= EXACT_DIGITS) {
            double magnitude = mantissa / EXACT_POWERS_OF_TEN[decimals];
            return OptionalDouble.of(text.charAt(start) == '-' ? -magnitude : magnitude);
        }
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < end && isDigit(text.charAt(i)); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return OptionalDouble.empty();
            }
        }
        return i == end ? OptionalDouble.of(Double.parseDouble(text.substring(start, end))) : OptionalDouble.empty();
    }

    /**
     * The whole number {@code text[start, end)} if it fits a {@code long}, such as a sequence number;
     * empty for anything else. Read in place, as {@link #parse(String, int, int)}.
     */
    static OptionalLong parseWhole(String text, int start, int end) {
        int digits = start < end && (text.charAt(start) == '+' || text.charAt(start) == '-') ? start + 1 : start;
        if (digits == end) {
            return OptionalLong.empty();
        }
        for (int i = digits; i < end; i++) {
            if (!isDigit(text.charAt(i))) {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(text, start, end, 10));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }

    /** Whether {@code text[start, end)} is the word, in any case; no substring per number. */
    private static boolean isWord(String text, int start, int end, String word) {
        return end - start == word.length() && text.regionMatches(true, start, word, 0, word.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
