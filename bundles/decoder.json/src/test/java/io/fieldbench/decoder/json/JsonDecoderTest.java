package io.fieldbench.decoder.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.decoder.support.Configs;
import io.fieldbench.decoder.support.ManyThreads;
import io.fieldbench.decoder.support.RecordingLogger;

class JsonDecoderTest {

    private final JsonDecoder decoder = decoder(Map.of(), new RecordingLogger());

    private static JsonDecoder decoder(Map<String, Object> settings, RecordingLogger log) {
        JsonDecoder decoder = log.injectInto(new JsonDecoder());
        decoder.configure(Configs.of(JsonDecoder.Config.class, settings));
        return decoder;
    }

    private Optional<DecodedFrame> attempt(byte[] bytes, Charset charset) {
        return decoder.decode(ByteBuffer.wrap(bytes).asReadOnlyBuffer(), charset);
    }

    private DecodedFrame decode(String json) {
        return attempt(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .orElseThrow(() -> new AssertionError("declined " + json));
    }

    private String rejected(String json) {
        return assertThrows(IllegalArgumentException.class, () -> decode(json), json).getMessage();
    }

    @Test
    void readsNumbersAsChannelsAndStringsAndBooleansAsTexts() {
        DecodedFrame frame = decode("{\"id\":\"dev42\",\"seq\":17,\"temp\":21.5,\"hum\":-4e1,\"status\":\"ok\",\"door\":true,"
                + "\"alarm\":false,\"note\":\"\",\"gone\":null}");

        assertEquals(Optional.of("dev42"), frame.deviceId());
        assertEquals(OptionalLong.of(17), frame.sequence());
        assertEquals(Map.of("temp", 21.5, "hum", -40.0), frame.channels());
        assertEquals(Map.of("status", "ok", "door", "true", "alarm", "false", "note", ""), frame.texts());
        assertEquals("json", decoder.name());
    }

    @Test
    void flattensNestedObjectsAndArrays() {
        DecodedFrame frame = decode("""
                {"env": {"temp": 21.5, "wind": {"speed": 3, "dir": "NE"}},
                 "cells": [3.91, 3.92, {"t": 30}, [1, 2]],
                 "empty": {}, "none": []}
                """);

        assertEquals(Map.of("env.temp", 21.5, "env.wind.speed", 3.0, "cells.0", 3.91, "cells.1", 3.92, "cells.2.t", 30.0,
                "cells.3.0", 1.0, "cells.3.1", 2.0), frame.channels());
        assertEquals(Map.of("env.wind.dir", "NE"), frame.texts());
    }

    @Test
    void aNumericIdKeepsItsLiteral() {
        assertEquals(Optional.of("0042"), decode("{\"id\":0042}").deviceId());
        assertEquals(Optional.of("1e3"), decode("{\"id\":1e3}").deviceId());
    }

    @Test
    void nestedIdAndSequenceByConfiguredFlattenedNames() {
        JsonDecoder nested = decoder(Map.of("id.key", "meta.imei", "sequence.key", "meta.n"), new RecordingLogger());

        DecodedFrame frame = nested.decode(ByteBuffer.wrap("{\"meta\":{\"imei\":\"8612\",\"n\":\"9\"},\"id\":5}"
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8).orElseThrow();

        assertEquals(Optional.of("8612"), frame.deviceId());
        assertEquals(OptionalLong.of(9), frame.sequence());
        assertEquals(Map.of("id", 5.0), frame.channels());
    }

    @Test
    void nanInfinityAndOverflow() {
        DecodedFrame frame = decode("{\"a\":NaN,\"b\":Infinity,\"c\":-Infinity,\"d\":1e309,\"e\":-1e309,\"f\":1e-400}");

        assertTrue(frame.channels().get("a").isNaN());
        assertEquals(Double.POSITIVE_INFINITY, frame.channels().get("b"));
        assertEquals(Double.NEGATIVE_INFINITY, frame.channels().get("c"));
        assertEquals(Double.POSITIVE_INFINITY, frame.channels().get("d"));
        assertEquals(Double.NEGATIVE_INFINITY, frame.channels().get("e"));
        assertEquals(0.0, frame.channels().get("f"));
    }

    @Test
    void readsEscapesAndUnicode() {
        DecodedFrame frame = decode("{\"m\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u6e29\\ud83d\\ude00\",\"\\u0074\":1}");

        assertEquals("a\"b\\c/d\n\té温\uD83D\uDE00", frame.texts().get("m"));
        assertEquals(Map.of("t", 1.0), frame.channels());
    }

    @Test
    void readsGbkText() {
        Charset gbk = Charset.forName("GBK");
        byte[] bytes = "{\"id\":\"泵站\",\"温度\":21.5,\"状态\":\"正常\"}".getBytes(gbk);

        DecodedFrame frame = attempt(bytes, gbk).orElseThrow();

        assertEquals(Optional.of("泵站"), frame.deviceId());
        assertEquals(Map.of("温度", 21.5), frame.channels());
        assertEquals(Map.of("状态", "正常"), frame.texts());
    }

    @Test
    void toleratesWhitespaceByteOrderMarkAndATerminatingNul() {
        byte[] bytes = "\uFEFF \r\n {\"t\" : 1 }\r\n\0".getBytes(StandardCharsets.UTF_8);

        assertEquals(Map.of("t", 1.0), attempt(bytes, StandardCharsets.UTF_8).orElseThrow().channels());
    }

    @Test
    void declinesWhatDoesNotStartLikeAnObject() {
        for (String text : List.of("", " ", "x", "[1,2]", "\"text\"", "42", "id=dev1,temp=2", "null")) {
            assertEquals(Optional.empty(), attempt(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), text);
        }
        assertEquals(Optional.empty(), attempt(new byte[] { 0, 1, 2, '{' }, StandardCharsets.UTF_8), "binary");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{                | malformed JSON at position 1: Unexpected end-of-input: expected close marker for Object",
        "{\"a\":1         | malformed JSON at position 6: Unexpected end-of-input: expected close marker for Object",
        "{\"a\" 1}        | malformed JSON at position 5: Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value",
        "{\"a\":}         | malformed JSON at position 5: Unexpected character ('}' (code 125)): expected a value",
        "{\"a\":1,}       | malformed JSON at position 7: Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
        "{a:1}            | malformed JSON at position 1: Unexpected character ('a' (code 97)): was expecting double-quote to start field name",
        "{\"a\":1}{\"b\":2} | malformed JSON at position 7: nothing may follow the object",
        "{\"a\":tru}      | malformed JSON at position 8: Unrecognized token 'tru': was expecting (JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or 'false')",
        "{\"a\":1.}       | malformed JSON at position 6: Unexpected character ('}' (code 125)) in numeric value: Decimal point not followed by a digit",
        "{\"a\":1e}       | malformed JSON at position 6: Unexpected character ('}' (code 125)) in numeric value: Exponent indicator not followed by a digit",
        "{\"a\":+1}       | malformed JSON at position 6: Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs",
        "{\"a\":\"open}   | malformed JSON at position 11: Unexpected end-of-input: was expecting closing quote for a string value",
        "{\"a\":\"\\x\"}  | malformed JSON at position 7: Unrecognized character escape 'x' (code 120)",
        "{\"a\":\"\\u12\"} | malformed JSON at position 10: Unexpected character ('\"' (code 34)): expected a hex-digit for character escape sequence",
        "{\"\":1}         | malformed JSON at position 1: a key is empty",
        "{\"a\":[1 2]}    | malformed JSON at position 8: Unexpected character ('2' (code 50)): was expecting comma to separate Array entries",
        "{\"a\":1,\"a\":2} | 'a' at position 11 appears twice",
        "{\"a\":{\"b\":1},\"a.b\":2} | 'a.b' at position 19 appears twice",
        "{\"seq\":1.5}    | sequence seq = 1.5 at position 7 is not a whole number",
        "{\"seq\":\"x\"}  | sequence seq = x at position 7 is not a whole number",
        "{\"seq\":99999999999999999999} | sequence seq = 99999999999999999999 at position 7 is not a whole number",
        "{\"id\":true}    | id at position 6 is true, not a string or a number",
    })
    void rejectsMalformedJsonNamingThePosition(String json, String reason) {
        assertEquals(reason, rejected(json.strip()));
    }

    @Test
    void rejectsAControlCharacterInAString() {
        assertEquals("malformed JSON at position 7: Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value",
                rejected("{\"a\":\"x\ny\"}"));
        assertEquals("malformed JSON at position 7: Illegal character ((CTRL-CHAR, code 1)): only regular white space (\\r, \\n, \\t) is allowed between tokens", rejected("{\"a\": \u0001}"));
    }

    @Test
    void rejectsInvalidBytesNamingTheByteOffset() {
        byte[] bytes = { '{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}' };

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> attempt(bytes, StandardCharsets.UTF_8));

        assertEquals("invalid UTF-8 at byte 6 (0xFF)", error.getMessage());
    }

    @Test
    void limitsNesting() {
        String deepest = "{\"a\":".repeat(JsonReader.MAX_DEPTH) + "1" + "}".repeat(JsonReader.MAX_DEPTH);
        String deeper = "{\"a\":".repeat(JsonReader.MAX_DEPTH) + "[1]" + "}".repeat(JsonReader.MAX_DEPTH);

        assertEquals(1, decode(deepest).channels().size());
        assertTrue(rejected(deeper).endsWith("nested deeper than " + JsonReader.MAX_DEPTH), rejected(deeper));
        assertTrue(rejected("{\"a\":" + "[".repeat(30_000)).contains("nested deeper"), "no stack overflow");
    }

    @Test
    void decodesTheMostValuesFastAndRejectsOneMore() {
        String most = array(JsonFields.MAX_FIELDS);
        assertTrue(most.length() <= 65_507, "fits one datagram");

        DecodedFrame frame = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> decode(most));
        String reason = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> rejected(array(JsonFields.MAX_FIELDS + 1)));

        assertEquals(JsonFields.MAX_FIELDS, frame.channels().size());
        assertEquals("more than " + JsonFields.MAX_FIELDS + " values", reason);
    }

    private static String array(int values) {
        return "{\"v\":[" + "1,".repeat(values - 1) + "1]}";
    }

    @Test
    void largeDatagramsDecodeWhole() {
        for (int size : new int[] { 2049, 65_507 }) {
            String json = "{\"big\":\"" + "x".repeat(size - 10) + "\"}";
            assertEquals(size, json.length());

            assertEquals(size - 10, decode(json).texts().get("big").length());
        }
    }

    @Test
    void randomBytesAfterABraceAreRejectedWithAReason() {
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(100)];
            random.nextBytes(bytes);
            bytes[0] = '{';
            try {
                attempt(bytes, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException broken) {
                assertTrue(broken.getMessage() != null, "a reason");
            }
        }
    }

    @Test
    void anUnusableConfigurationIsOneLogLineAndDecodesNothing() {
        RecordingLogger log = new RecordingLogger();

        JsonDecoder broken = decoder(Map.of("sequence.key", "id"), log);

        assertEquals(List.of("ERROR JSON decoder: settings io.fieldbench.decoder.json are not usable, so it decodes nothing"
                + " until they are fixed: id.key and sequence.key are both 'id'"), log.lines);
        assertEquals(Optional.empty(), broken.decode(ByteBuffer.wrap("{\"t\":1}".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheSameFromManyThreadsAtOnce() throws Exception {
        List<String> texts = List.of("{\"id\":\"a\",\"seq\":1,\"t\":1}", "{\"id\":\"b\",\"x\":{\"y\":[1,2]}}", "{\"t\":NaN}");
        List<DecodedFrame> expected = texts.stream().map(this::decode).toList();

        assertTrue(ManyThreads.alwaysHolds(20_000, round -> {
            int which = round % texts.size();
            return decode(texts.get(which)).equals(expected.get(which));
        }));
    }
}
