package io.fieldbench.imagerelay.relay;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import io.fieldbench.support.json.JsonErrors;

/**
 * The little JSON the relay's control messages need, through Jackson's streaming parser and
 * generator (the same library the bridge uses): one object in, its top-level strings, numbers,
 * booleans and nulls out (nested objects and arrays are checked and skipped: no message uses
 * them); one flat object out.
 */
final class JsonText {

    /** Deeper nesting than this is refused rather than followed: a message is never that deep. */
    static final int MAX_DEPTH = 16;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private JsonText() {
    }

    /**
     * The top-level values of the object the text holds, in their order.
     *
     * @throws IllegalArgumentException saying where the text is not one JSON object
     */
    static Map<String, Object> parseObject(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject("it does not start with {", parser.currentTokenLocation());
            }
            Map<String, Object> object = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else {
                    object.put(name, scalar(parser, value));
                }
            }
            if (parser.nextToken() != null) {
                throw notAnObject("text after the object", parser.currentTokenLocation());
            }
            return object;
        } catch (JsonProcessingException e) {
            throw notAnObject(JsonErrors.reason(e), e.getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String has no I/O to fail
        }
    }

    private static Object scalar(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) parser.getDoubleValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
            default -> null;
        };
    }

    private static IllegalArgumentException notAnObject(String why, JsonLocation where) {
        return new IllegalArgumentException("not a JSON object: " + why
                + (where == null ? "" : " (at character " + where.getCharOffset() + ")"));
    }

    /** A flat object: strings, numbers, booleans, nulls, in the map's order. */
    static String write(Map<String, ?> fields) {
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(json)) {
            generator.writeStartObject();
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                generator.writeFieldName(field.getKey());
                generator.writeObject(field.getValue());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }
}
