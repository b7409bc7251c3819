package io.fieldbench.decoder.json;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import io.fieldbench.support.json.JsonErrors;

/**
 * Reads one JSON object (RFC 8259) with Jackson's streaming parser and hands every leaf value to
 * {@link JsonFields} under its flattened name: {@code {"a":{"b":1},"c":[5,6]}} gives {@code a.b},
 * {@code c.0} and {@code c.1}.
 * <p>
 * Beyond RFC 8259 it takes {@code NaN}, {@code Infinity} and {@code -Infinity} (what Python's
 * {@code json} and many firmware libraries write for such readings) and numbers with leading zeros
 * ({@code printf("%03d")}), whose literal is kept as sent ({@code "id":0042} names device 0042).
 * Every error names the character position (from 0) where the text stopped making sense. Nesting
 * is limited to {@value #MAX_DEPTH} levels, so that no datagram can exhaust memory or time.
 */
final class JsonReader {

    /** Objects and arrays nested deeper than this are rejected. */
    static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();


    private final String text;
    private final JsonParser parser;
    private final JsonFields fields;

    private JsonReader(String text, JsonParser parser, JsonFields fields) {
        this.text = text;
        this.parser = parser;
        this.fields = fields;
    }

    /**
     * Reads a text that holds one object and nothing else but whitespace.
     *
     * @throws IllegalArgumentException when it is not well-formed, naming the position
     */
    static void read(String text, JsonFields fields) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonReader reader = new JsonReader(text, parser, fields);
            try {
                reader.whole();
            } catch (StreamConstraintsException e) {
                throw malformed(parser.currentLocation(), "nested deeper than " + MAX_DEPTH);
            } catch (JsonProcessingException e) {
                throw malformed(e.getLocation(), JsonErrors.reason(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String has no I/O to fail
        }
    }

    private void whole() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw malformed(parser.currentTokenLocation(), "the text is not an object");
        }
        object("");
        if (parser.nextToken() != null) {
            throw malformed(parser.currentTokenLocation(), "nothing may follow the object");
        }
    }

    private void object(String prefix) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (key.isEmpty()) {
                throw malformed(parser.currentTokenLocation(), "a key is empty");
            }
            value(prefix.isEmpty() ? key : prefix + '.' + key, parser.nextToken());
        }
    }

    private void array(String prefix) throws IOException {
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            value(prefix + '.' + index++, token);
        }
    }

    private void value(String name, JsonToken token) throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        switch (token) {
            case START_OBJECT -> object(name);
            case START_ARRAY -> array(name);
            case VALUE_STRING -> fields.text(name, parser.getText(), start);
            case VALUE_TRUE, VALUE_FALSE -> fields.flag(name, parser.getText(), start);
            // the literal as sent: Jackson drops leading zeros, which an id may have
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> fields.number(name,
                    text.substring(start, (int) parser.currentLocation().getCharOffset()), start);
            default -> { } // null: nothing to keep
        }
    }

    private static IllegalArgumentException malformed(JsonLocation where, String why) {
        return new IllegalArgumentException("malformed JSON at position " + where.getCharOffset() + ": " + why);
    }
}
