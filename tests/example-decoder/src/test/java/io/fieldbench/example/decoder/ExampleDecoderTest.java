package io.fieldbench.example.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.decoder.DecodedFrame;

class ExampleDecoderTest {

    private final ExampleDecoder decoder = new ExampleDecoder();

    private Optional<DecodedFrame> decode(String text) {
        return decoder.decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer(), StandardCharsets.UTF_8);
    }

    @Test
    void readsItsFrames() {
        DecodedFrame frame = decode("EX id:pump7 seq:42 temp:21.5,state:ok\r\n").orElseThrow();

        assertEquals(Optional.of("pump7"), frame.deviceId());
        assertEquals(OptionalLong.of(42), frame.sequence());
        assertEquals(Map.of("temp", 21.5), frame.channels());
        assertEquals(Map.of("state", "ok"), frame.texts());
        assertEquals("example", decoder.name());
    }

    @Test
    void declinesOtherFormats() {
        assertEquals(Optional.empty(), decode(""));
        assertEquals(Optional.empty(), decode("E"));
        assertEquals(Optional.empty(), decode("EXIT now"));
        assertEquals(Optional.empty(), decode("id=pump7,temp=1"));
        assertEquals(Optional.empty(), decode("{\"id\":\"pump7\"}"));
    }

    @Test
    void rejectsBrokenFramesWithTheReason() {
        assertEquals("'temp' is no key:value pair", assertThrows(IllegalArgumentException.class, () -> decode("EX temp")).getMessage());
        assertEquals("seq:x is not a whole number", assertThrows(IllegalArgumentException.class, () -> decode("EX seq:x")).getMessage());
    }
}
