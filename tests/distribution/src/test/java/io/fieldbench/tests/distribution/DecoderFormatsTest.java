package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped decoders behind the real collector, configured as a user does (files in
 * {@code etc/}): each format decodes, every bad input is counted as a decode error while the
 * collector keeps serving, and a bad binary layout is one clear log line until the file is fixed.
 */
class DecoderFormatsTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String TEXT_PID = "io.fieldbench.decoder.text";
    private static final String BINARY_PID = "io.fieldbench.decoder.binary";
    private static final int FRAMES = 20;
    /** The largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_507;
    /** The text decoder's limit of fields in one datagram. */
    private static final int MAX_FIELDS = 10_000;
    private static final String BINARY_LAYOUT = """
            fields = dev:hex4@2, seq:u16@6, temp:i16@8:LE*0.01
            id.field = dev
            sequence.field = seq
            magic = A55A
            """;

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private DecoderBench bench;

    /**
     * A frame of {@link #BINARY_LAYOUT}. The device id is hex, with letters: {@code fb:devices ID}
     * matches endpoints too, and a decimal id could be part of a port number.
     */
    private static byte[] binaryFrame(int device, int sequence, double temperature) {
        return ByteBuffer.allocate(10).put((byte) 0xA5).put((byte) 0x5A).putInt(device).putShort((short) sequence)
                .order(ByteOrder.LITTLE_ENDIAN).putShort((short) Math.round(temperature * 100)).array();
    }

    @Test
    void eachShippedFormatDecodesInGbk() throws Exception {
        bench = DecoderBench.start(headless, Map.of(TEXT_PID, "csv.columns = id,seq,temp,hum\n", BINARY_PID, BINARY_LAYOUT),
                "charset=GBK");
        assertTrue(bench.decoding().contains("GBK"), bench.decoding());

        for (int seq = 0; seq < FRAMES; seq++) {
            bench.send(("id=t1,seq=" + seq + ",温度=21.5;状态=正常 hum=40").getBytes(GBK));
            bench.send(("c1," + seq + ",3.5," + seq).getBytes(GBK));
            bench.send(("{\"id\":\"j1\",\"seq\":" + seq + ",\"env\":{\"温度\":1.5,\"状态\":\"正常\"},\"ok\":true}").getBytes(GBK));
            bench.send(binaryFrame(0xDEADBEEF, seq, -12.5));
        }

        for (String device : List.of("t1", "c1", "j1", "DEADBEEF")) {
            Poll.until(() -> bench.devices(device).packets() == FRAMES, FRAMES + " samples of " + device);
            DecoderBench.Devices devices = bench.devices(device);
            assertEquals(new DecoderBench.Devices(1, FRAMES, 0, 0), devices, device);
        }
        DecoderBench.Collector collector = bench.collector();
        assertEquals(4 * FRAMES, collector.received());
        assertEquals(0, collector.decodeErrors());
    }

    @Test
    void everyBadInputIsCountedAndTheCollectorKeepsServing() throws Exception {
        bench = DecoderBench.start(headless, Map.of(BINARY_PID, BINARY_LAYOUT));
        List<byte[]> broken = List.of(
                new byte[0],
                new byte[] { 'x', ':' },
                new byte[] { 'i', 'd', '=', 'u', ',', 't', '=', (byte) 0xC3, '(' },
                "id=gbk,状态=正常".getBytes(GBK),
                new byte[] { (byte) 0xA5, 0x5A, 0, 0, 0 },
                "{\"id\":\"j\",".getBytes(StandardCharsets.UTF_8),
                wideLine("wider", MAX_FIELDS),
                "id=twice,t=1,t=2".getBytes(StandardCharsets.UTF_8));
        List<String> good = List.of("big2049", "big65507", "odd", "wide", "after");

        broken.forEach(bench::send);
        bench.send(padded("big2049", 2049));
        bench.send(padded("big65507", MAX_DATAGRAM));
        bench.send("id=odd,a=NaN,b=Inf,c=-inf,d=1e309,e=-1E309".getBytes(StandardCharsets.UTF_8));
        bench.send(wideLine("wide", MAX_FIELDS - 1));
        bench.send("id=after,seq=1,t=1".getBytes(StandardCharsets.UTF_8));

        int total = broken.size() + good.size();
        Poll.until(() -> bench.collector().received() == total, "every datagram received");
        for (String device : good) {
            Poll.until(() -> bench.devices(device).packets() == 1, "the sample of " + device);
        }
        Poll.until(() -> bench.collector().decodeErrors() == broken.size(), "every bad input counted");
        assertEquals(new DecoderBench.Collector(total, 0, broken.size()), bench.collector());
        assertEquals(List.of(), bench.problems(), "errors on stderr");
    }

    /** A text datagram of exactly {@code size} bytes: an id and one long text value. */
    private static byte[] padded(String id, int size) {
        String head = "id=" + id + ",pad=";
        return (head + "x".repeat(size - head.length())).getBytes(StandardCharsets.US_ASCII);
    }

    /** An id and {@code pairs} more pairs with short distinct keys, as many as fit one datagram. */
    private static byte[] wideLine(String id, int pairs) {
        StringBuilder line = new StringBuilder("id=").append(id);
        for (int i = 0; i < pairs; i++) {
            line.append(',').append(Integer.toString(i, Character.MAX_RADIX).toUpperCase(Locale.ROOT)).append("=1");
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
        assertTrue(bytes.length <= MAX_DATAGRAM, "fits one datagram");
        return bytes;
    }

    @Test
    void aBadBinaryLayoutIsOneLogLineUntilTheFileIsFixed() throws Exception {
        bench = DecoderBench.start(headless, Map.of(BINARY_PID, BINARY_LAYOUT.replace("i16@8", "i17@8")));
        Poll.until(() -> !bench.logLines("Binary decoder").isEmpty(), "the binary decoder's log line");

        assertEquals(1, bench.logLines("Binary decoder").size(), "one line: " + bench.logLines("Binary decoder"));
        String line = bench.logLines("Binary decoder").get(0);
        assertTrue(line.contains(" ERROR ") && line.endsWith("Binary decoder: the layout in io.fieldbench.decoder.binary is"
                + " not usable, so it decodes nothing until it is fixed: field 'temp:i17@8:LE*0.01': unknown type 'i17'"
                + " (use u8..u64, i8..i64, f32, f64, strN, hexN)"), line);
        bench.send(binaryFrame(0xC0FFEE07, 0, 1));
        Poll.until(() -> bench.collector().decodeErrors() == 1, "the frame counted as not recognised");

        Files.writeString(bench.settingsFile(BINARY_PID), BINARY_LAYOUT);
        Poll.until(() -> !bench.logLines("Binary decoder reads 3 fields").isEmpty(), "the fixed layout in force");
        bench.send(binaryFrame(0xC0FFEE07, 1, 1));
        bench.send(binaryFrame(0xC0FFEE07, 2, 1));

        Poll.until(() -> bench.devices("C0FFEE07").packets() == 2, "the frames decoded with the fixed layout");
        assertEquals(new DecoderBench.Devices(1, 2, 0, 0), bench.devices("C0FFEE07"));
    }
}
