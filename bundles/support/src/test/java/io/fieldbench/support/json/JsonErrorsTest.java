package io.fieldbench.support.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;

import org.junit.jupiter.api.Test;

class JsonErrorsTest {

    @Test
    void dropsTheParsersAsides() {
        assertEquals("Unexpected end-of-input: expected close marker for Object", reasonFor(new JsonFactory(), "{\"a\":1"));
        assertEquals("Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs",
                reasonFor(new JsonFactory(), "{\"a\":+1}"));
        JsonFactory shallow = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2).build()).build();
        assertEquals("Document nesting depth (3) exceeds the maximum allowed (2)", reasonFor(shallow, "[[[1]]]"));
    }

    private static String reasonFor(JsonFactory factory, String text) {
        return JsonErrors.reason(assertThrows(JsonProcessingException.class, () -> {
            try (JsonParser parser = factory.createParser(text)) {
                while (parser.nextToken() != null) {
                    parser.skipChildren();
                }
            }
        }));
    }
}
