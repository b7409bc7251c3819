package io.fieldbench.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RequestedNameTest {

    private static String canonical(String name) {
        return RequestedName.canonical(name.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesPercentEscapesUntilNothingChanges() {
        assertEquals("../x", canonical("%2e%2e%2fx"));
        assertEquals("../x", canonical("%252e%252e%252fx"));
        assertEquals("../x", canonical("%25252e%25252e%25252fx"));
        assertEquals("100%", canonical("100%"));
        assertEquals("a%zz", canonical("a%zz"));
        assertEquals("a%2", canonical("a%2"));
    }

    @Test
    void foldsFullWidthAndCompatibilityCharacters() {
        assertEquals("../x", canonical("．．／x"));
        assertEquals("../x", canonical("％２ｅ％２ｅ％２ｆx"));
        assertEquals("../x", canonical("\u2025/x"));
        assertEquals("温度.csv", canonical("温度.csv"));
    }

    @Test
    void escapesNamesForTheLog() {
        assertEquals("\"a\\u000a\\u0000b\\\"\\\\\"", RequestedName.escaped("a\n\0b\"\\"));
        assertEquals("\"温度\"", RequestedName.escaped("温度"));
        assertEquals("\"a\\u202eb\"", RequestedName.escaped("a\u202eb"));
        String longName = "x".repeat(500);
        assertEquals("\"" + "x".repeat(RequestedName.ESCAPED_MAX_CHARS) + "\"... (500 chars)", RequestedName.escaped(longName));
    }
}
