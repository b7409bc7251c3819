package io.fieldbench.decoder.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.decoder.support.Configs;
import io.fieldbench.decoder.support.ManyThreads;
import io.fieldbench.decoder.support.RecordingLogger;

class BinaryDecoderTest {

    /** The layout of the example: id, sequence, a scaled little-endian temperature and a float voltage. */
    private static final Map<String, Object> EXAMPLE = Map.of(
            "fields", "id:u32@0:BE, seq:u16@4:BE, temp:i16@6:LE*0.01, volt:f32@8",
            "id.field", "id", "sequence.field", "seq");

    private static BinaryDecoder decoder(Map<String, Object> settings) {
        return decoder(settings, new RecordingLogger());
    }

    private static BinaryDecoder decoder(Map<String, Object> settings, RecordingLogger log) {
        BinaryDecoder decoder = log.injectInto(new BinaryDecoder());
        decoder.configure(Configs.of(BinaryDecoder.Config.class, settings));
        return decoder;
    }

    private static Map<String, Object> with(Map<String, Object> settings, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(settings);
        changed.put(key, value);
        return changed;
    }

    private static Optional<DecodedFrame> attempt(BinaryDecoder decoder, byte[] frame) {
        return decoder.decode(ByteBuffer.wrap(frame).asReadOnlyBuffer(), StandardCharsets.UTF_8);
    }

    private static DecodedFrame decode(BinaryDecoder decoder, byte[] frame) {
        return attempt(decoder, frame).orElseThrow(() -> new AssertionError("declined " + HexFormat.of().formatHex(frame)));
    }

    private static String rejected(BinaryDecoder decoder, byte[] frame) {
        return assertThrows(IllegalArgumentException.class, () -> attempt(decoder, frame)).getMessage();
    }

    private static byte[] exampleFrame() {
        ByteBuffer frame = ByteBuffer.allocate(12);
        frame.putInt(0xDEADBEEF).putShort((short) 0xFFFE);
        frame.order(ByteOrder.LITTLE_ENDIAN).putShort((short) -1234);
        frame.order(ByteOrder.BIG_ENDIAN).putFloat(3.3f);
        return frame.array();
    }

    @Test
    void readsTheExampleLayout() {
        DecodedFrame frame = decode(decoder(EXAMPLE), exampleFrame());

        assertEquals(Optional.of("3735928559"), frame.deviceId());
        assertEquals(OptionalLong.of(65534), frame.sequence());
        assertEquals(-12.34, frame.channels().get("temp"), 1e-9);
        assertEquals(3.3f, frame.channels().get("volt").floatValue());
        assertEquals(2, frame.channels().size(), "the id and sequence are no channels");
        assertEquals("binary", decoder(EXAMPLE).name());
    }

    @Test
    void readsEveryIntegerTypeInBothByteOrders() {
        byte[] bytes = HexFormat.of().parseHex("80FF7FFFFFFF8000000000000001FFFFFFFFFFFFFFFF");
        BinaryDecoder decoder = decoder(Map.of("fields", "a:i8@0, b:u8@0, c:u8@1, d:i8@1, e:i16@2, f:u16@2:LE, g:i32@4,"
                + " h:u32@4:LE, i:i64@6, j:u64@14, k:i64@14, l:u16@1:LE"));

        Map<String, Double> channels = decode(decoder, bytes).channels();

        assertEquals(-128.0, channels.get("a"));
        assertEquals(128.0, channels.get("b"));
        assertEquals(255.0, channels.get("c"));
        assertEquals(-1.0, channels.get("d"));
        assertEquals(32767.0, channels.get("e"));
        assertEquals(0xFF7F, channels.get("f"));
        assertEquals(-32768.0, channels.get("g"));
        assertEquals((double) 0x0080FFFFL, channels.get("h"));
        assertEquals((double) 0x8000000000000001L, channels.get("i"));
        assertEquals(18446744073709551615.0, channels.get("j"));
        assertEquals(-1.0, channels.get("k"));
        assertEquals(0x7FFF, channels.get("l"));
    }

    @Test
    void readsFloatsIncludingNanAndInfinity() {
        ByteBuffer frame = ByteBuffer.allocate(20).putFloat(Float.NaN).putFloat(Float.NEGATIVE_INFINITY)
                .order(ByteOrder.LITTLE_ENDIAN).putDouble(1e300).putFloat(-0.5f);
        BinaryDecoder decoder = decoder(Map.of("fields", "a:f32@0:BE, b:f32@4:BE, c:f64@8:LE*10, d:f32@16", "byte.order", "LE"));

        Map<String, Double> channels = decode(decoder, frame.array()).channels();

        assertTrue(channels.get("a").isNaN());
        assertEquals(Double.NEGATIVE_INFINITY, channels.get("b"));
        assertEquals(1e301, channels.get("c"), 1e287);
        assertEquals(-0.5, channels.get("d"), "byte.order LE is the default for d");
    }

    @Test
    void readsTextAndHexFieldsAndTakesTheIdFromOne() {
        Charset gbk = Charset.forName("GBK");
        ByteBuffer frame = ByteBuffer.allocate(30).put(HexFormat.of().parseHex("0861234567890123"));
        frame.put("pump\0junk".getBytes(StandardCharsets.US_ASCII)).position(18).put("泵站".getBytes(gbk));
        BinaryDecoder decoder = decoder(Map.of("fields", "imei:hex8@0, name:str10@8, site:str12@18", "id.field", "imei"));

        DecodedFrame decoded = decoder.decode(ByteBuffer.wrap(frame.array()), gbk).orElseThrow();

        assertEquals(Optional.of("0861234567890123"), decoded.deviceId());
        assertEquals(Map.of("name", "pump", "site", "泵站"), decoded.texts());
        assertTrue(decoded.channels().isEmpty());
    }

    @Test
    void aFrameShorterThanItsLayoutNamesTheFieldAndLengths() {
        BinaryDecoder decoder = decoder(EXAMPLE);

        assertEquals("frame of 7 bytes is shorter than its layout of 12: field temp:i16@6 needs 8",
                rejected(decoder, new byte[7]));
        assertEquals("frame of 0 bytes is shorter than its layout of 12: field id:u32@0 needs 4", rejected(decoder, new byte[0]));
        assertEquals("frame of 1 bytes is shorter than its layout of 12: field id:u32@0 needs 4", rejected(decoder, new byte[1]));
    }

    @Test
    void longerFramesAreReadWhenNoLengthIsSet() {
        byte[] frame = new byte[65_507];
        frame[65_506] = 7;
        BinaryDecoder decoder = decoder(Map.of("fields", "first:u8@0, last:u8@65506"));

        assertEquals(Map.of("first", 0.0, "last", 7.0), decode(decoder, frame).channels());
        assertEquals(Map.of("first", 0.0, "last", 0.0), decode(decoder, new byte[65_507]).channels());
    }

    @Test
    void aMagicSelectsFramesAndFrameLengthChecksThem() {
        BinaryDecoder decoder = decoder(Map.of("fields", "v:u16@2", "magic", "A5 5A", "frame.length", 4));

        assertEquals(Map.of("v", 258.0), decode(decoder, new byte[] { (byte) 0xA5, 0x5A, 1, 2 }).channels());
        assertEquals(Optional.empty(), attempt(decoder, new byte[] { 0x5A, (byte) 0xA5, 1, 2 }), "another magic");
        assertEquals(Optional.empty(), attempt(decoder, new byte[] { (byte) 0xA5 }), "shorter than the magic");
        assertEquals(Optional.empty(), attempt(decoder, new byte[0]), "empty");
        assertEquals("frame of 5 bytes starts with magic A55A but frame.length is 4",
                rejected(decoder, new byte[] { (byte) 0xA5, 0x5A, 1, 2, 3 }));
        assertEquals("frame of 3 bytes is shorter than its layout of 4: field v:u16@2 needs 4",
                rejected(decoder, new byte[] { (byte) 0xA5, 0x5A, 1 }));
    }

    @Test
    void withoutAMagicOnlyTheFrameLengthSelectsFrames() {
        BinaryDecoder decoder = decoder(Map.of("fields", "v:u8@0", "frame.length", 2));

        assertEquals(Map.of("v", 9.0), decode(decoder, new byte[] { 9, 0 }).channels());
        assertEquals(Optional.empty(), attempt(decoder, new byte[] { 9 }));
        assertEquals(Optional.empty(), attempt(decoder, new byte[] { 9, 0, 0 }));
    }

    @Test
    void readsFromThePayloadsPosition() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] { 1, 2, 3, 4 });
        buffer.position(2);

        DecodedFrame frame = decoder(Map.of("fields", "v:u8@0, w:u8@1")).decode(buffer, StandardCharsets.UTF_8).orElseThrow();

        assertEquals(Map.of("v", 3.0, "w", 4.0), frame.channels());
        assertEquals(2, buffer.position());
    }

    @Test
    void aSequenceBeyondALongIsRejected() {
        BinaryDecoder decoder = decoder(Map.of("fields", "n:u64@0", "sequence.field", "n"));

        assertEquals(OptionalLong.of(Long.MAX_VALUE), decode(decoder, HexFormat.of().parseHex("7FFFFFFFFFFFFFFF")).sequence());
        assertEquals("sequence n:u64@0 is 9223372036854775808, more than a sequence number can be",
                rejected(decoder, HexFormat.of().parseHex("8000000000000000")));
    }

    @Test
    void noFieldsMeansOffAndSaysSo() {
        RecordingLogger log = new RecordingLogger();

        BinaryDecoder decoder = decoder(Map.of(), log);

        assertEquals(Optional.empty(), attempt(decoder, new byte[16]));
        assertEquals(List.of("INFO Binary decoder is off: io.fieldbench.decoder.binary sets no fields"), log.lines);
    }

    @Test
    void aGoodLayoutIsDescribedInOneLine() {
        RecordingLogger log = new RecordingLogger();

        decoder(with(with(EXAMPLE, "magic", "0xA55A"), "frame.length", 14), log);

        assertEquals(List.of("INFO Binary decoder reads 4 fields in 14-byte frames starting with A55A, device id from id,"
                + " sequence from seq"), log.lines);
    }

    @Test
    void aBadLayoutIsOneErrorLineAndDecodesNothing() {
        RecordingLogger log = new RecordingLogger();

        BinaryDecoder decoder = decoder(Map.of("fields", "id:u32@0, temp:i17@4"), log);

        assertEquals(List.of("ERROR Binary decoder: the layout in io.fieldbench.decoder.binary is not usable, so it decodes"
                + " nothing until it is fixed: field 'temp:i17@4': unknown type 'i17' (use u8..u64, i8..i64, f32, f64, strN, hexN)"),
                log.lines);
        assertEquals(Optional.empty(), attempt(decoder, new byte[16]));
    }

    @Test
    void aNewLayoutTakesEffectAtOnce() {
        BinaryDecoder decoder = decoder(Map.of("fields", "a:u8@0"));
        decoder.configure(Configs.of(BinaryDecoder.Config.class, Map.of("fields", "b:u8@1")));

        assertEquals(Map.of("b", 2.0), decode(decoder, new byte[] { 1, 2 }).channels());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "temp                       |         |      | field 'temp': write it as name:type@offset, optionally followed by :BE or :LE and *scale",
        "temp:i16                   |         |      | field 'temp:i16': write it as name:type@offset, optionally followed by :BE or :LE and *scale",
        "temp:x16@0                 |         |      | field 'temp:x16@0': unknown type 'x' (use u8..u64, i8..i64, f32, f64, strN, hexN)",
        "temp:u24@0                 |         |      | field 'temp:u24@0': unknown type 'u24' (use u8..u64, i8..i64, f32, f64, strN, hexN)",
        "temp:f16@0                 |         |      | field 'temp:f16@0': unknown type 'f16' (use u8..u64, i8..i64, f32, f64, strN, hexN)",
        "name:str0@0                |         |      | field 'name:str0@0': a str field needs between 1 and 65507 bytes",
        "temp:u8@65507              |         |      | field 'temp:u8@65507': it ends at byte 65508, beyond the largest datagram of 65507",
        "temp:u8@99999999999        |         |      | field 'temp:u8@99999999999': the offset 99999999999 is too large",
        "temp:u8@0:XE               |         |      | the byte order 'XE' is neither BE nor LE",
        "temp:u8@0:BE:LE            |         |      | field 'temp:u8@0:BE:LE': the byte order is given twice",
        "temp:u8@0*0                |         |      | field 'temp:u8@0*0': the scale '0' is not a finite number other than 0",
        "temp:u8@0*abc              |         |      | field 'temp:u8@0*abc': the scale 'abc' is not a finite number other than 0",
        "temp:u8@0*2*3              |         |      | field 'temp:u8@0*2*3': the scale is given twice",
        "name:hex4@0*2              |         |      | field 'name:hex4@0*2': only numbers can be scaled",
        "temp:u8@0 junk             |         |      | field 'temp:u8@0 junk': 'junk' is not :BE, :LE or *scale",
        "a:u8@0, a:u8@1             |         |      | fields name 'a' twice",
        "' , ; '                    |         |      | fields ' , ; ' has no field",
        "a:u8@0                     | id=b    |      | id.field 'b' is none of the fields",
        "a:f32@0                    | id=a    |      | id.field a:f32@0 is a float; use an integer, str or hex field",
        "a:str4@0                   | seq=a   |      | sequence.field a:str4@0 is not an integer field",
        "a:u8@0                     | id=a    | a    | id.field and sequence.field are both 'a'",
        "a:u8@0*2                   | seq=a   |      | field a:u8@0 is the id or sequence and cannot be scaled",
        "a:u16@3                    | len=4   |      | field a:u16@3 ends at byte 5, beyond frame.length 4",
        "a:u8@0                     | len=-1  |      | frame.length -1 is not between 0 (any) and 65507",
        "a:u8@0                     | magic=A |      | magic 'A' is not an even number of hex digits, such as A55A",
        "a:u8@0                     | magic=AABBCC, len=2 | | magic of 3 bytes is longer than frame.length 2",
    })
    void eachBadLayoutIsNamedClearly(String fields, String extra, String sequence, String reason) {
        Map<String, Object> settings = new HashMap<>(Map.of("fields", fields));
        if (extra != null) {
            for (String setting : extra.split(",")) {
                String[] pair = setting.strip().split("=");
                switch (pair[0]) {
                    case "id" -> settings.put("id.field", pair[1]);
                    case "seq" -> settings.put("sequence.field", pair[1]);
                    case "len" -> settings.put("frame.length", Integer.parseInt(pair[1]));
                    case "magic" -> settings.put("magic", pair[1]);
                    default -> throw new AssertionError(pair[0]);
                }
            }
        }
        if (sequence != null) {
            settings.put("sequence.field", sequence);
        }

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LayoutParser.parse(Configs.of(BinaryDecoder.Config.class, settings)));

        assertEquals(reason, error.getMessage());
    }

    @Test
    void theLayoutSyntaxToleratesSpacesCaseHexOffsetsAndLineBreaks() {
        BinaryDecoder decoder = decoder(Map.of("fields", " a : U16 @ 0x02 : le * 0.5 ;\n b:I8@0\n\n", "id.field", " b "));

        DecodedFrame frame = decode(decoder, new byte[] { -5, 0, 4, 0 });

        assertEquals(Optional.of("-5"), frame.deviceId());
        assertEquals(Map.of("a", 2.0), frame.channels());
    }

    @Test
    void decodesTheSameFromManyThreadsAtOnce() throws Exception {
        BinaryDecoder decoder = decoder(EXAMPLE);
        byte[] bytes = exampleFrame();
        DecodedFrame expected = decode(decoder, bytes);

        assertTrue(ManyThreads.alwaysHolds(50_000, i -> decode(decoder, bytes).equals(expected)));
    }
}
