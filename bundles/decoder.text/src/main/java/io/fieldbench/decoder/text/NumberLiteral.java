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

    static OptionalDouble parse(String value) {
        int length = value.length();
        int i = 0;
        if (length > 0 && (value.charAt(0) == '+' || value.charAt(0) == '-')) {
            i++;
        }
        if (isWord(value, i, "nan")) {
            return OptionalDouble.of(Double.NaN);
        }
        if (isWord(value, i, "inf") || isWord(value, i, "infinity")) {
            return OptionalDouble.of(value.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        int digits = 0;
        long mantissa = 0;
        for (; i < length && isDigit(value.charAt(i)); i++) {
            digits++;
            mantissa = 10 * mantissa + (value.charAt(i) - '0');
        }
        int decimals = 0;
        if (i < length && value.charAt(i) == '.') {
            for (i++; i < length && isDigit(value.charAt(i)); i++) {
                digits++;
                decimals++;
                mantissa = 10 * mantissa + (value.charAt(i) - '0');
            }
        }
        if (digits == 0) {
            return OptionalDouble.empty();
        }
        if (i == length && digits <= EXACT_DIGITS) {
            double magnitude = mantissa / EXACT_POWERS_OF_TEN[decimals];
            return OptionalDouble.of(value.charAt(0) == '-' ? -magnitude : magnitude);
        }
        if (i < length && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < length && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < length && isDigit(value.charAt(i)); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return OptionalDouble.empty();
            }
        }
        return i == length ? OptionalDouble.of(Double.parseDouble(value)) : OptionalDouble.empty();
    }

    /** A whole number that fits a {@code long}, such as a sequence number; empty for anything else. */
    static OptionalLong parseWhole(String value) {
        int start = !value.isEmpty() && (value.charAt(0) == '+' || value.charAt(0) == '-') ? 1 : 0;
        if (start == value.length()) {
            return OptionalLong.empty();
        }
        for (int i = start; i < value.length(); i++) {
            if (!isDigit(value.charAt(i))) {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }

    /** Whether the value from {@code start} on is the word, in any case; no substring per number. */
    private static boolean isWord(String value, int start, String word) {
        return value.length() - start == word.length() && value.regionMatches(true, start, word, 0, word.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
