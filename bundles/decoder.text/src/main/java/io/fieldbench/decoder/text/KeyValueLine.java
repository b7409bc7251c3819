package io.fieldbench.decoder.text;

/**
 * Reads {@code key=value} pairs separated by {@code ,}, {@code ;} or whitespace, such as
 * {@code id=dev42,seq=17,temp=21.5;hum=40 status=ok}.
 * <p>
 * A value runs to the next separator; one that holds separators is quoted,
 * {@code msg="door open, left"}, with {@code \"} and {@code \\} inside. A quoted value is text
 * even when it looks like a number. Everything between separators must be a pair: a stray word is
 * an error, so that a missing {@code =} is seen rather than silently dropped.
 */
final class KeyValueLine {

    private static final int SHOWN_TOKEN_LENGTH = 40;
    /** Shared by every line, whichever thread reads it. */
    private static final KeyNames KEYS = new KeyNames();

    private final String line;
    private final FrameFields fields;
    private int position;

    private KeyValueLine(String line, FrameFields fields) {
        this.line = line;
        this.fields = fields;
    }

    /** Whether the line is made of pairs at all, rather than CSV or something else. */
    static boolean looksLikePairs(String line) {
        return line.indexOf('=') >= 0;
    }

    /**
     * Reads every pair of the line into the fields.
     *
     * @throws IllegalArgumentException naming the character position of the first thing that is not a pair
     */
    static void read(String line, FrameFields fields) {
        new KeyValueLine(line, fields).readPairs();
    }

    static boolean isSeparator(char c) {
        if (c > ' ' && c < 0x80) { // printable ASCII, nearly every character of a line: no whitespace among it
            return c == ',' || c == ';';
        }
        return c == ',' || c == ';' || Character.isWhitespace(c);
    }

    private void readPairs() {
        while (true) {
            while (position < line.length() && isSeparator(line.charAt(position))) {
                position++;
            }
            if (position == line.length()) {
                return;
            }
            readPair();
        }
    }

    private void readPair() {
        int keyStart = position;
        while (position < line.length() && line.charAt(position) != '=' && !isSeparator(line.charAt(position))) {
            position++;
        }
        if (position == line.length() || line.charAt(position) != '=') {
            throw new IllegalArgumentException("'" + shown(keyStart) + "' at character " + keyStart + " is no key=value pair");
        }
        if (position == keyStart) {
            throw new IllegalArgumentException("a value without a key at character " + keyStart);
        }
        String key = KEYS.of(line, keyStart, position);
        position++;
        if (position < line.length() && line.charAt(position) == '"') {
            fields.put(key, quotedValue(), true);
        } else {
            int valueStart = position;
            while (position < line.length() && !isSeparator(line.charAt(position))) {
                position++;
            }
            fields.put(key, line, valueStart, position, false);
        }
    }

    private String quotedValue() {
        int quote = position++;
        StringBuilder value = new StringBuilder();
        while (position < line.length()) {
            char c = line.charAt(position++);
            if (c == '"') {
                if (position < line.length() && !isSeparator(line.charAt(position))) {
                    throw new IllegalArgumentException("no separator after the quoted value at character " + position);
                }
                return value.toString();
            }
            if (c == '\\' && position < line.length()) {
                c = line.charAt(position++);
            }
            value.append(c);
        }
        throw new IllegalArgumentException("the quote at character " + quote + " is not closed");
    }

    private String shown(int start) {
        int end = start;
        while (end < line.length() && !isSeparator(line.charAt(end)) && end - start < SHOWN_TOKEN_LENGTH) {
            end++;
        }
        return line.substring(start, end);
    }
}
