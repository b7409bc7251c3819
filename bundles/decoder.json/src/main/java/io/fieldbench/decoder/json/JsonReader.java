package io.fieldbench.decoder.json;

/**
 * A recursive-descent reader of one JSON object (RFC 8259) that hands every leaf value to
 * {@link JsonFields} under its flattened name: {@code {"a":{"b":1},"c":[5,6]}} gives {@code a.b},
 * {@code c.0} and {@code c.1}.
 * <p>
 * Beyond RFC 8259 it takes {@code NaN}, {@code Infinity} and {@code -Infinity} (what Python's
 * {@code json} and many firmware libraries write for such readings) and numbers with leading zeros
 * ({@code printf("%03d")}); it is otherwise strict, and every error names the character position
 * (from 0) where the text stopped making sense. Nesting is limited to {@value #MAX_DEPTH} levels,
 * so that no datagram can exhaust the stack.
 * <p>
 * Written here rather than taken from a library because the job is small (one object, flattened,
 * no data binding) and the details matter: positions in every message, the NaN extension, limits.
 * jakarta.json implementations find their provider through {@code ServiceLoader}, which needs
 * extra machinery in OSGi; Jackson's streaming parser would fit, but would add a bundle to the
 * decoders feature for what these two hundred tested lines do.
 */
final class JsonReader {

    /** Objects and arrays nested deeper than this are rejected. */
    static final int MAX_DEPTH = 64;

    private final String text;
    private final JsonFields fields;
    private int position;

    private JsonReader(String text, JsonFields fields) {
        this.text = text;
        this.fields = fields;
    }

    /**
     * Reads a text that holds one object and nothing else but whitespace.
     *
     * @throws IllegalArgumentException when it is not well-formed, naming the position
     */
    static void read(String text, JsonFields fields) {
        JsonReader reader = new JsonReader(text, fields);
        reader.skipWhitespace();
        reader.object("", 1);
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.error("nothing may follow the object, but " + reader.found() + " does");
        }
    }

    private void object(String prefix, int depth) {
        checkDepth(depth);
        position++; // {
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a key in quotes but found " + found());
            }
            int keyPosition = position;
            String key = string();
            if (key.isEmpty()) {
                throw errorAt(keyPosition, "a key is empty");
            }
            skipWhitespace();
            expect(':');
            value(prefix.isEmpty() ? key : prefix + '.' + key, depth);
            skipWhitespace();
            if (peek() == '}') {
                position++;
                return;
            }
            expect(',');
        }
    }

    private void array(String prefix, int depth) {
        checkDepth(depth);
        position++; // [
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return;
        }
        for (int index = 0;; index++) {
            value(prefix + '.' + index, depth);
            skipWhitespace();
            if (peek() == ']') {
                position++;
                return;
            }
            expect(',');
        }
    }

    private void value(String name, int depth) {
        skipWhitespace();
        int start = position;
        switch (peek()) {
            case '{' -> object(name, depth + 1);
            case '[' -> array(name, depth + 1);
            case '"' -> fields.text(name, string(), start);
            case 't' -> fields.flag(name, literal("true"), start);
            case 'f' -> fields.flag(name, literal("false"), start);
            case 'n' -> literal("null"); // no reading: nothing to keep
            case 'N' -> fields.number(name, literal("NaN"), start);
            case 'I' -> fields.number(name, literal("Infinity"), start);
            default -> fields.number(name, number(), start);
        }
    }

    private String number() {
        int start = position;
        if (peek() == '-') {
            position++;
            if (peek() == 'I') {
                return '-' + literal("Infinity");
            }
        }
        if (digits() == 0) {
            throw errorAt(start, "expected a value but found " + foundAt(start));
        }
        if (peek() == '.') {
            position++;
            if (digits() == 0) {
                throw error("expected a digit after the decimal point but found " + found());
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (digits() == 0) {
                throw error("expected a digit in the exponent but found " + found());
            }
        }
        return text.substring(start, position);
    }

    private int digits() {
        int start = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        return position - start;
    }

    private String literal(String word) {
        if (!text.startsWith(word, position)) {
            throw error("expected a value but found " + found());
        }
        position += word.length();
        return word;
    }

    private String string() {
        int start = position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw errorAt(position - 1, "a control character must be escaped in a string");
            }
            value.append(c == '\\' ? escaped() : c);
        }
        throw errorAt(start, "the string is not closed");
    }

    private char escaped() {
        if (position == text.length()) {
            throw error("the text ends in an escape");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw errorAt(position - 1, "unknown escape '\\" + c + "'");
        };
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position), 16);
            if (digit < 0) {
                throw error("a \\u escape needs four hex digits but found " + found());
            }
            code = code * 16 + digit;
            position++;
        }
        return (char) code;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("objects and arrays are nested deeper than " + MAX_DEPTH);
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "' but found " + found());
        }
        position++;
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    /** The next character, or 0 at the end (never a valid JSON character outside strings). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : 0;
    }

    private String found() {
        return foundAt(position);
    }

    private String foundAt(int at) {
        if (at >= text.length()) {
            return "the end";
        }
        char c = text.charAt(at);
        return c < 0x20 || c == 0x7F ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private IllegalArgumentException error(String what) {
        return errorAt(position, what);
    }

    private IllegalArgumentException errorAt(int at, String what) {
        return new IllegalArgumentException("malformed JSON at position " + at + ": " + what);
    }
}
