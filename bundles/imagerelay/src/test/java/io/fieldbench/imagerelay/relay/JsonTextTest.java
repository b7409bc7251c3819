package io.fieldbench.imagerelay.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void readsAnObjectWithEveryKindOfValue() {
        Map<String, Object> message = JsonText.parseObject(
                " {\"type\":\"image\",\"name\":\"\\u732b \\\"1\\\".jpg\",\"size\":7340032,\"ratio\":1.5,\"ok\":true,"
                        + "\"none\":null,\"tags\":[1,{\"a\":[]}]} ");
        assertEquals("image", message.get("type"));
        assertEquals("猫 \"1\".jpg", message.get("name"));
        assertEquals(7_340_032L, message.get("size"));
        assertEquals(1.5, message.get("ratio"));
        assertEquals(true, message.get("ok"));
        assertTrue(message.containsKey("none"));
        assertFalse(message.containsKey("tags"), "nested values are checked and skipped");
    }

    @Test
    void refusesWhatIsNotOneObject() {
        for (String bad : new String[] {"", "hello", "[1]", "{\"a\":1", "{\"a\" 1}", "{\"a\":1} x", "{\"a\":tru}",
                "{\"a\":\"\\x\"}", "[".repeat(5) + "{\"a\":" + "[".repeat(JsonText.MAX_DEPTH) + "]"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.parseObject(bad), bad);
            assertTrue(e.getMessage().startsWith("not "), e.getMessage());
        }
        assertEquals("not a JSON object: Unexpected end-of-input: expected close marker for Object (at character 6)",
                assertThrows(IllegalArgumentException.class, () -> JsonText.parseObject("{\"a\":1")).getMessage(),
                "one line a phone's user can read: where, without the parser's asides");
        assertThrows(IllegalArgumentException.class,
                () -> JsonText.parseObject("{\"a\":" + "[".repeat(JsonText.MAX_DEPTH + 2) + "]".repeat(JsonText.MAX_DEPTH + 2) + "}"));
    }

    @Test
    void writesAFlatObjectWithEscapes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "refused");
        fields.put("reason", "a \"quoted\"\nline\u0001");
        fields.put("size", 12L);
        fields.put("duplicate", false);
        String json = JsonText.write(fields);
        assertEquals("{\"type\":\"refused\",\"reason\":\"a \\\"quoted\\\"\\nline\\u0001\",\"size\":12,\"duplicate\":false}", json);
        assertEquals(fields, JsonText.parseObject(json));
    }
}
