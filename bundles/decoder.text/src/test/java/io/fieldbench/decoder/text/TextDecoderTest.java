package io.fieldbench.decoder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.decoder.support.Configs;
import io.fieldbench.decoder.support.ManyThreads;
import io.fieldbench.decoder.support.RecordingLogger;

class TextDecoderTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final TextDecoder decoder = decoder(Map.of());

    private static TextDecoder decoder(Map<String, Object> settings) {
        return decoder(settings, new RecordingLogger());
    }

    private static TextDecoder decoder(Map<String, Object> settings, RecordingLogger log) {
        TextDecoder decoder = log.injectInto(new TextDecoder());
        decoder.configure(Configs.of(TextDecoder.Config.class, settings));
        return decoder;
    }

    private DecodedFrame decode(String line) {
        return decode(decoder, line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static DecodedFrame decode(TextDecoder decoder, byte[] bytes, Charset charset) {
        return decoder.decode(ByteBuffer.wrap(bytes).asReadOnlyBuffer(), charset)
                .orElseThrow(() -> new AssertionError("declined: " + new String(bytes, charset)));
    }

    private Optional<DecodedFrame> attempt(byte[] bytes) {
        return decoder.decode(ByteBuffer.wrap(bytes).asReadOnlyBuffer(), StandardCharsets.UTF_8);
    }

    private IllegalArgumentException rejected(String line) {
        return assertThrows(IllegalArgumentException.class, () -> decode(line), line);
    }

    @Test
    void readsPairsWithEverySeparatorIdAndSequence() {
        DecodedFrame frame = decode("id=dev42,seq=17,temp=21.5;hum=40 status=ok\ttier=-3");

        assertEquals(Optional.of("dev42"), frame.deviceId());
        assertEquals(OptionalLong.of(17), frame.sequence());
        assertEquals(Map.of("temp", 21.5, "hum", 40.0, "tier", -3.0), frame.channels());
        assertEquals(Map.of("status", "ok"), frame.texts());
        assertEquals("text", decoder.name());
    }

    @Test
    void aFrameWithoutIdOrSequenceHasNeither() {
        DecodedFrame frame = decode("temp=1");

        assertEquals(Optional.empty(), frame.deviceId());
        assertEquals(OptionalLong.empty(), frame.sequence());
    }

    @Test
    void aNumericIdIsStillAnIdAndNoChannel() {
        DecodedFrame frame = decode("id=0042,temp=1");

        assertEquals(Optional.of("0042"), frame.deviceId());
        assertEquals(Map.of("temp", 1.0), frame.channels());
    }

    @Test
    void idAndSequenceKeysAreConfigurable() {
        TextDecoder custom = decoder(Map.of("id.key", "imei", "sequence.key", "n"));

        DecodedFrame frame = decode(custom, "imei=861234,n=5,id=7".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertEquals(Optional.of("861234"), frame.deviceId());
        assertEquals(OptionalLong.of(5), frame.sequence());
        assertEquals(Map.of("id", 7.0), frame.channels());
    }

    @Test
    void dropsTerminatingNulCrLfAndByteOrderMark() {
        byte[] line = "\uFEFFtemp=1,hum=2\r\n\0\0".getBytes(StandardCharsets.UTF_8);

        assertEquals(Map.of("temp", 1.0, "hum", 2.0), decode(decoder, line, StandardCharsets.UTF_8).channels());
    }

    @Test
    void nanInfinityAndOverflowAreNumbers() {
        DecodedFrame frame = decode("a=NaN b=nan c=Inf d=-inf e=Infinity f=-Infinity g=1e309 h=-1e309 i=1e-400 j=+.5 k=6.02E23");

        assertTrue(frame.channels().get("a").isNaN());
        assertTrue(frame.channels().get("b").isNaN());
        assertEquals(Double.POSITIVE_INFINITY, frame.channels().get("c"));
        assertEquals(Double.NEGATIVE_INFINITY, frame.channels().get("d"));
        assertEquals(Double.POSITIVE_INFINITY, frame.channels().get("e"));
        assertEquals(Double.NEGATIVE_INFINITY, frame.channels().get("f"));
        assertEquals(Double.POSITIVE_INFINITY, frame.channels().get("g"));
        assertEquals(Double.NEGATIVE_INFINITY, frame.channels().get("h"));
        assertEquals(0.0, frame.channels().get("i"));
        assertEquals(0.5, frame.channels().get("j"));
        assertEquals(6.02e23, frame.channels().get("k"));
        assertTrue(frame.texts().isEmpty());
    }

    @Test
    void valuesThatOnlyJavaCallsNumbersAreText() {
        DecodedFrame frame = decode("fw=1f b=2d hex=0x10 ver=1.2.3 e=1e sign=- dot=. word=Infinite");

        assertTrue(frame.channels().isEmpty(), frame.channels().toString());
        assertEquals(8, frame.texts().size());
        assertEquals("1f", frame.texts().get("fw"));
    }

    @Test
    void quotedValuesAreTextAndMayHoldSeparators() {
        DecodedFrame frame = decode("msg=\"door open, left; \\\"B\\\"\" code=\"21\" empty=\"\" t=1");

        assertEquals(Map.of("msg", "door open, left; \"B\"", "code", "21"), frame.texts());
        assertEquals(Map.of("t", 1.0), frame.channels());
    }

    @Test
    void anEmptyValueIsLeftOut() {
        DecodedFrame frame = decode("id=,seq=,temp=,hum=3");

        assertEquals(Optional.empty(), frame.deviceId());
        assertEquals(OptionalLong.empty(), frame.sequence());
        assertEquals(Map.of("hum", 3.0), frame.channels());
    }

    @Test
    void aValueMayHoldAnEqualsSign() {
        assertEquals(Map.of("url", "http://x/?a=b"), decode("url=http://x/?a=b").texts());
    }

    @Test
    void readsChineseTextInGbkAndGb18030() {
        String line = "id=泵站3号,温度=21.5,状态=正常";
        for (Charset charset : List.of(GBK, GB18030)) {
            byte[] bytes = line.getBytes(charset);
            assertTrue(bytes.length < line.getBytes(StandardCharsets.UTF_8).length, "real two-byte " + charset + " text");

            DecodedFrame frame = decode(decoder, bytes, charset);

            assertEquals(Optional.of("泵站3号"), frame.deviceId(), charset.name());
            assertEquals(Map.of("温度", 21.5), frame.channels(), charset.name());
            assertEquals(Map.of("状态", "正常"), frame.texts(), charset.name());
        }
    }

    @Test
    void gbkBytesReadAsUtf8AreRejectedNamingTheByteOffset() {
        byte[] bytes = "t=1,状态=正常".getBytes(GBK);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(ByteBuffer.wrap(bytes), StandardCharsets.UTF_8));

        // 状态 happens to be valid UTF-8 too; 正 is not
        assertEquals("invalid UTF-8 at byte 9 (0xD5)", error.getMessage());
    }

    @Test
    void invalidUtf8IsRejectedNamingTheByteOffset() {
        byte[] bytes = { 't', '=', '1', ',', 'x', '=', (byte) 0xC3, '(', 'y' };

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> attempt(bytes));

        assertEquals("invalid UTF-8 at byte 6 (0xC3)", error.getMessage());
    }

    @Test
    void invalidBytesAreReplacedWhenConfiguredSo() {
        TextDecoder lenient = decoder(Map.of("invalid.bytes", "replace"));
        byte[] bytes = { 't', '=', '1', ',', 'x', '=', (byte) 0xC3, '(', 'y' };

        DecodedFrame frame = decode(lenient, bytes, StandardCharsets.UTF_8);

        assertEquals(Map.of("t", 1.0), frame.channels());
        assertEquals(Map.of("x", "\uFFFD(y"), frame.texts());
    }

    @Test
    void declinesWhatIsNotText() {
        assertEquals(Optional.empty(), attempt(new byte[0]), "empty datagram");
        assertEquals(Optional.empty(), attempt(new byte[] { 'x' }), "one byte");
        assertEquals(Optional.empty(), attempt(" \r\n\0".getBytes(StandardCharsets.US_ASCII)), "blank");
        assertEquals(Optional.empty(), attempt(new byte[] { 0, 0, 0, 42, 'a', '=', 1, 2 }), "binary with an =");
        assertEquals(Optional.empty(), attempt(new byte[] { (byte) 0xA5, 0x5A, 0x00, (byte) 0xFF, '=' }),
                "binary and invalid UTF-8");
        assertEquals(Optional.empty(), attempt("{\"temp\": 21.5}".getBytes(StandardCharsets.UTF_8)), "JSON");
        assertEquals(Optional.empty(), attempt("hello world".getBytes(StandardCharsets.UTF_8)), "words, CSV off");
    }

    @ParameterizedTest
    @ValueSource(strings = { "temp=1 hello hum=2", "temp=1,=5", "temp=1 msg=\"open", "msg=\"a\"b", "seq=1.5", "seq=abc",
            "seq=99999999999999999999", "t=1,t=2", "id=a,id=b", "=" })
    void rejectsBrokenLinesWithTheReason(String line) {
        IllegalArgumentException error = rejected(line);

        assertTrue(error.getMessage() != null && error.getMessage().length() > 10, error.getMessage());
    }

    @Test
    void reasonsNameTheCulprit() {
        assertEquals("'hello' at character 7 is no key=value pair", rejected("temp=1 hello hum=2").getMessage());
        assertEquals("a value without a key at character 7", rejected("temp=1,=5").getMessage());
        assertEquals("the quote at character 11 is not closed", rejected("temp=1 msg=\"open").getMessage());
        assertEquals("sequence seq='1.5' is not a whole number", rejected("seq=1.5").getMessage());
        assertEquals("key 't' appears twice", rejected("t=1,t=2").getMessage());
    }

    @Test
    void rejectsAKeyLongerThanTheLimit() {
        String key = "k".repeat(FrameFields.MAX_KEY_LENGTH + 1);

        assertTrue(rejected(key + "=1").getMessage().contains("longer than " + FrameFields.MAX_KEY_LENGTH));
    }

    @Test
    void decodesTheMostPairsFastAndRejectsOneMore() {
        String most = pairs(FrameFields.MAX_FIELDS);
        assertTrue(most.getBytes(StandardCharsets.UTF_8).length <= 65_507, "fits one datagram");

        DecodedFrame frame = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> decode(most));
        IllegalArgumentException error = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> rejected(pairs(FrameFields.MAX_FIELDS + 1)));

        assertEquals(FrameFields.MAX_FIELDS, frame.channels().size());
        assertEquals("more than " + FrameFields.MAX_FIELDS + " fields", error.getMessage());
    }

    /**
     * {@code count} pairs with short distinct keys, as a 10 000-pair datagram must be to fit in 65 507 bytes;
     * upper case, so that none is the id or sequence key.
     */
    static String pairs(int count) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < count; i++) {
            line.append(i == 0 ? "" : ",").append(Integer.toString(i, Character.MAX_RADIX).toUpperCase(Locale.ROOT))
                    .append("=1");
        }
        return line.toString();
    }

    @Test
    void largeDatagramsDecodeWhole() {
        for (int size : new int[] { 2049, 65_507 }) {
            byte[] bytes = ("big=" + "x".repeat(size - 4)).getBytes(StandardCharsets.US_ASCII);

            assertEquals(size - 4, decode(decoder, bytes, StandardCharsets.UTF_8).texts().get("big").length());
        }
    }

    @Test
    void randomBytesAreDeclinedOrRejectedNeverAnythingElse() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            try {
                attempt(bytes);
            } catch (IllegalArgumentException broken) {
                assertTrue(broken.getMessage() != null, "a reason");
            }
        }
    }

    @Test
    void readsFromThePayloadsPositionAndLeavesItWhereItWas() {
        ByteBuffer buffer = ByteBuffer.wrap("garbage|temp=5".getBytes(StandardCharsets.US_ASCII));
        buffer.position(8);

        DecodedFrame frame = decoder.decode(buffer.asReadOnlyBuffer(), StandardCharsets.UTF_8).orElseThrow();
        decoder.decode(buffer, StandardCharsets.UTF_8);

        assertEquals(Map.of("temp", 5.0), frame.channels());
        assertEquals(8, buffer.position());
    }

    @Test
    void readsCsvLinesByTheConfiguredColumns() {
        TextDecoder csv = decoder(Map.of("csv.columns", " id, seq ,temp,hum,note"));

        DecodedFrame frame = decode(csv, "dev42, 17,21.5,NaN,\"hot, dry\"\r\n".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);

        assertEquals(Optional.of("dev42"), frame.deviceId());
        assertEquals(OptionalLong.of(17), frame.sequence());
        assertEquals(21.5, frame.channels().get("temp"));
        assertTrue(frame.channels().get("hum").isNaN());
        assertEquals(Map.of("note", "hot, dry"), frame.texts());
    }

    @Test
    void csvWithEmptyAndQuotedQuoteValues() {
        TextDecoder csv = decoder(Map.of("csv.columns", "a,b,c"));

        DecodedFrame frame = decode(csv, "1,,\"say \"\"hi\"\"\"".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertEquals(Map.of("a", 1.0), frame.channels());
        assertEquals(Map.of("c", "say \"hi\""), frame.texts());
    }

    @Test
    void csvWithTheWrongNumberOfValuesIsRejected() {
        TextDecoder csv = decoder(Map.of("csv.columns", "id,seq,temp,hum"));

        assertEquals("CSV line has 3 values but csv.columns names 4 (id,seq,temp,hum)", assertThrows(
                IllegalArgumentException.class, () -> decode(csv, bytes("dev1,2,3"), StandardCharsets.UTF_8)).getMessage());
        assertEquals("CSV line has more than 4 values but csv.columns names 4 (id,seq,temp,hum)", assertThrows(
                IllegalArgumentException.class, () -> decode(csv, bytes("dev1,2,3,4,5,6"), StandardCharsets.UTF_8))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> decode(csv, bytes("dev1,2,\"3,4"), StandardCharsets.UTF_8));
    }

    @Test
    void aLineWithEqualsSignsIsPairsEvenWithCsvOn() {
        TextDecoder csv = decoder(Map.of("csv.columns", "a,b"));

        assertEquals(Map.of("x", 1.0, "y", 2.0), decode(csv, bytes("x=1,y=2"), StandardCharsets.UTF_8).channels());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUnusableConfigurationIsOneLogLineAndDecodesNothing() {
        RecordingLogger log = new RecordingLogger();

        TextDecoder broken = decoder(Map.of("id.key", "seq"), log);

        assertEquals(List.of("ERROR Text decoder: settings io.fieldbench.decoder.text are not usable, so it decodes nothing"
                + " until they are fixed: id.key and sequence.key are both 'seq'"), log.lines);
        assertEquals(Optional.empty(), broken.decode(ByteBuffer.wrap(bytes("temp=1")), StandardCharsets.UTF_8));
    }

    @Test
    void eachBadSettingIsNamed() {
        assertEquals("id.key is empty", reason(Map.of("id.key", " ")));
        assertEquals("sequence.key 'a b' contains a separator, '=' or '\"'", reason(Map.of("sequence.key", "a b")));
        assertEquals("csv.columns names 'a' twice", reason(Map.of("csv.columns", "a,b,a")));
        assertEquals("csv.columns 'a,,b' has an empty column name", reason(Map.of("csv.columns", "a,,b")));
        assertEquals("invalid.bytes is 'ignore'; use reject or replace", reason(Map.of("invalid.bytes", "ignore")));
    }

    private static String reason(Map<String, Object> settings) {
        return assertThrows(IllegalArgumentException.class,
                () -> TextFormat.from(Configs.of(TextDecoder.Config.class, settings))).getMessage();
    }

    @Test
    void aNewConfigurationTakesEffectAtOnce() {
        TextDecoder changing = decoder(Map.of());
        changing.configure(Configs.of(TextDecoder.Config.class, Map.of("id.key", "name")));

        assertEquals(Optional.of("pump"), decode(changing, bytes("name=pump"), StandardCharsets.UTF_8).deviceId());
    }

    @Test
    void decodesTheSameFromManyThreadsAtOnce() throws Exception {
        List<String> lines = List.of("id=a,seq=1,t=1", "id=b,seq=2,t=2,u=x", "id=c,seq=3,t=NaN");
        List<DecodedFrame> expected = lines.stream().map(this::decode).toList();

        assertTrue(ManyThreads.alwaysHolds(20_000, round -> {
            int which = round % lines.size();
            return decode(lines.get(which)).equals(expected.get(which));
        }));
    }
}
