package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.api.decoder.Decoder;
import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.udp.internal.DatagramDecoding.Outcome;
import io.fieldbench.udp.internal.DecoderShelf.ShelvedDecoder;

class DatagramDecodingTest {

    private static final InetSocketAddress DEVICE = new InetSocketAddress("10.0.0.7", 40_001);
    private static final RawDatagram DATAGRAM = new RawDatagram(DEVICE, Instant.parse("2026-11-21T10:00:00Z"),
            "t=21.5".getBytes(StandardCharsets.UTF_8));

    /** A decoder that does one thing, whatever the bytes. */
    private static ShelvedDecoder decoder(String name, java.util.function.Supplier<Optional<DecodedFrame>> answer) {
        return new ShelvedDecoder(name, new Decoder() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<DecodedFrame> decode(ByteBuffer payload, Charset charset) {
                return answer.get();
            }
        }, 0, 0);
    }

    private static ShelvedDecoder accepting(String name, DecodedFrame frame) {
        return decoder(name, () -> Optional.of(frame));
    }

    private static ShelvedDecoder refusing(String name) {
        return decoder(name, Optional::empty);
    }

    @Test
    void aKeepAliveNoDecoderTookKeepsTheDeviceOfItsEndpointOnlineAndIsNoError() {
        Outcome outcome = DatagramDecoding.decode(raw("HeartBeat\n"), List.of(refusing("text")), TestConfig.settings(Map.of()),
                endpoint -> "modem-7");

        Sample sample = outcome.sample().orElseThrow();
        assertFalse(outcome.failed());
        assertEquals(Sample.KEEPALIVE, sample.decoder());
        assertEquals("modem-7", sample.deviceId());
        assertEquals(Map.of(), sample.channels());
        assertEquals(Map.of(), sample.texts());
    }

    @Test
    void plainTextNoDecoderTookIsAMessageNotAnError() {
        Outcome outcome = DatagramDecoding.decode(raw("Michael"), List.of(refusing("text")), TestConfig.settings(Map.of()),
                Endpoints::of);

        Sample sample = outcome.sample().orElseThrow();
        assertFalse(outcome.failed());
        assertEquals(Sample.MESSAGE, sample.decoder());
        assertEquals("10.0.0.7:40001", sample.deviceId());
        assertEquals(Map.of(Sample.MESSAGE, "Michael"), sample.texts());
    }

    @Test
    void binaryNoDecoderTookAndTextThatClaimsAFormatAndBreaksItStayErrors() {
        RawDatagram binary = new RawDatagram(DEVICE, DATAGRAM.receivedAt(), new byte[] {(byte) 0xFF, 0x01, 0x02});
        assertTrue(DatagramDecoding.decode(binary, List.of(refusing("text")), TestConfig.settings(Map.of()), Endpoints::of).failed());

        ShelvedDecoder broken = decoder("text", () -> {
            throw new IllegalArgumentException("'x' at character 0 is no key=value pair");
        });
        Outcome outcome = DatagramDecoding.decode(raw("temp=21,x"), List.of(broken), TestConfig.settings(Map.of()), Endpoints::of);
        assertTrue(outcome.failed());
        assertTrue(outcome.sample().isEmpty());

        for (String unknownFormat : List.of("EX id:7 temp:21", "{\"t\":", "t=21")) {
            assertTrue(DatagramDecoding.decode(raw(unknownFormat), List.of(refusing("text")), TestConfig.settings(Map.of()), Endpoints::of)
                    .failed(), "a frame of a format no decoder reads stays an error: " + unknownFormat);
        }
    }

    private static RawDatagram raw(String text) {
        return new RawDatagram(DEVICE, DATAGRAM.receivedAt(), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutDecodersTheDatagramIsPublishedRawWithoutProblem() {
        Outcome outcome = DatagramDecoding.decode(DATAGRAM, List.of(), "auto", StandardCharsets.UTF_8);

        assertFalse(outcome.failed());
        assertTrue(outcome.sample().isEmpty());
        assertEquals(DEVICE, outcome.datagram().source());
    }

    @Test
    void autoTakesTheFirstDecoderThatAcceptsAndNamesTheDeviceBySourceWhenTheFrameDoesNot() {
        Outcome outcome = DatagramDecoding.decode(DATAGRAM,
                List.of(refusing("json"), accepting("text", DecodedFrame.of(Map.of("t", 21.5))), accepting("other", DecodedFrame.of(Map.of()))),
                "auto", StandardCharsets.UTF_8);

        Sample sample = outcome.sample().orElseThrow();
        assertEquals("text", sample.decoder());
        assertEquals("10.0.0.7:40001", sample.deviceId());
        assertEquals(Map.of("t", 21.5), sample.channels());
        assertEquals(6, sample.bytes());
        assertEquals(DATAGRAM.receivedAt(), sample.receivedAt());
        assertFalse(outcome.failed());
    }

    @Test
    void keepsTheFramesDeviceIdAndSequenceAndNaN() {
        DecodedFrame frame = DecodedFrame.of(Map.of("v", Double.NaN, "w", Double.POSITIVE_INFINITY))
                .withDeviceId("modem-7").withSequence(42);

        Sample sample = DatagramDecoding.decode(DATAGRAM, List.of(accepting("text", frame)), "auto", StandardCharsets.UTF_8)
                .sample().orElseThrow();

        assertEquals("modem-7", sample.deviceId());
        assertEquals(42, sample.sequence().getAsLong());
        assertTrue(Double.isNaN(sample.channels().get("v")), "NaN is data");
    }

    @Test
    void aBrokenFormatEndsTheSearchWithTheDecodersReason() {
        Outcome outcome = DatagramDecoding.decode(DATAGRAM, List.of(decoder("text", () -> {
            throw new IllegalArgumentException("no value after 't='");
        }), accepting("json", DecodedFrame.of(Map.of()))), "auto", StandardCharsets.UTF_8);

        assertTrue(outcome.failed());
        assertEquals("text: no value after 't='", outcome.datagram().problem());
        assertTrue(outcome.fault().isEmpty(), "a broken datagram is not the decoder's fault");
    }

    @Test
    void aDecoderBugLetsTheNextDecoderTryAndIsReported() {
        Outcome outcome = DatagramDecoding.decode(DATAGRAM, List.of(decoder("buggy", () -> {
            throw new NullPointerException();
        }), accepting("text", DecodedFrame.of(Map.of("t", 1.0)))), "auto", StandardCharsets.UTF_8);

        assertEquals("text", outcome.sample().orElseThrow().decoder());
    }

    @Test
    void aDecoderBugWithNoOtherTakerIsADecodeErrorWithItsReason() {
        Outcome outcome = DatagramDecoding.decode(DATAGRAM, List.of(decoder("buggy", () -> {
            throw new StackOverflowError();
        })), "auto", StandardCharsets.UTF_8);

        assertTrue(outcome.failed());
        assertEquals("buggy: failed: StackOverflowError", outcome.datagram().problem());
        assertEquals("buggy", outcome.fault().orElseThrow().decoder());
    }

    @Test
    void garbageIsADecodeError() {
        assertEquals("bad: returned null instead of a frame or nothing",
                DatagramDecoding.decode(DATAGRAM, List.of(decoder("bad", () -> null)), "auto", StandardCharsets.UTF_8)
                        .datagram().problem());
        assertEquals("bad: returned a blank device id",
                DatagramDecoding.decode(DATAGRAM, List.of(accepting("bad", DecodedFrame.of(Map.of()).withDeviceId(" "))),
                        "auto", StandardCharsets.UTF_8).datagram().problem());
        assertEquals("bad: returned a field with a blank name",
                DatagramDecoding.decode(DATAGRAM, List.of(accepting("bad", DecodedFrame.of(Map.of("", 1.0)))),
                        "auto", StandardCharsets.UTF_8).datagram().problem());
    }

    @Test
    void noTakerIsADecodeError() {
        Outcome outcome = DatagramDecoding.decode(DATAGRAM, List.of(refusing("json")), "auto", StandardCharsets.UTF_8);

        assertEquals(DatagramDecoding.NOT_RECOGNISED, outcome.datagram().problem());
    }

    @Test
    void aNamedDecoderIsTheOnlyOneAsked() {
        List<ShelvedDecoder> decoders = List.of(accepting("json", DecodedFrame.of(Map.of("a", 1.0))), refusing("text"));

        assertEquals("text: not in its format",
                DatagramDecoding.decode(DATAGRAM, decoders, "text", StandardCharsets.UTF_8).datagram().problem());
        assertEquals("decoder 'binary' is not installed",
                DatagramDecoding.decode(DATAGRAM, decoders, "binary", StandardCharsets.UTF_8).datagram().problem());
        assertEquals("json", DatagramDecoding.decode(DATAGRAM, decoders, "json", StandardCharsets.UTF_8).sample().orElseThrow().decoder());
    }

    @Test
    void aLongReasonIsCut() {
        String problem = DatagramDecoding.decode(DATAGRAM, List.of(decoder("text", () -> {
            throw new IllegalArgumentException("x".repeat(10_000));
        })), "auto", StandardCharsets.UTF_8).datagram().problem();

        assertEquals(DatagramDecoding.MAX_REASON_LENGTH, problem.length());
    }

    @Test
    void theDecoderGetsTheChosenEncodingAndAReadOnlyView() {
        Charset gbk = Charset.forName("GBK");
        ShelvedDecoder checking = new ShelvedDecoder("check", new Decoder() {
            @Override
            public String name() {
                return "check";
            }

            @Override
            public Optional<DecodedFrame> decode(ByteBuffer payload, Charset charset) {
                return Optional.of(DecodedFrame.of(Map.of("readOnly", payload.isReadOnly() ? 1.0 : 0.0,
                        "gbk", charset.equals(gbk) ? 1.0 : 0.0, "length", (double) payload.remaining())));
            }
        }, 0, 0);

        Sample sample = DatagramDecoding.decode(DATAGRAM, List.of(checking), "auto", gbk).sample().orElseThrow();

        assertEquals(Map.of("readOnly", 1.0, "gbk", 1.0, "length", 6.0), sample.channels());
    }
}
