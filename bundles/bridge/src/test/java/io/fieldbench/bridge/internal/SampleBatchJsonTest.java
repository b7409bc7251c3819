package io.fieldbench.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Sample;

class SampleBatchJsonTest {

    private static final Instant AT = Instant.ofEpochMilli(1_765_000_000_123L);

    @Test
    void aBatchReadBackNamesItsDevicesBySiteAndKeepsEverythingElse() {
        Sample sample = new Sample("m-17", new InetSocketAddress("203.0.113.9", 40112), AT, "text", OptionalLong.of(7),
                Map.of("temp", 21.5, "rssi", -71.0, "odd", Double.NaN), Map.of("state", "ok \"quoted\""), 24);

        BatchJson.Batch<Sample> batch = SampleBatchJson.read(SampleBatchJson.write("field", 99, 42, List.of(sample)));

        assertEquals("field", batch.site());
        assertEquals(99, batch.boot());
        assertEquals(42, batch.seq());
        Sample back = batch.items().get(0);
        assertEquals("field/m-17", back.deviceId());
        assertEquals("203.0.113.9:40112", back.endpoint());
        assertEquals(AT, back.receivedAt());
        assertEquals(OptionalLong.of(7), back.sequence());
        assertEquals(sample.channels().keySet(), back.channels().keySet());
        assertEquals(21.5, back.channels().get("temp"));
        assertTrue(back.channels().get("odd").isNaN());
        assertEquals(Map.of("state", "ok \"quoted\""), back.texts());
        assertEquals(24, back.bytes());
    }

    @Test
    void theJsonIsWhatConsumersAreToldToRead() {
        Sample sample = new Sample("d", new InetSocketAddress("10.0.0.1", 5000), AT, "text", OptionalLong.empty(),
                Map.of("v", 1.0), Map.of(), 3);

        assertEquals("{\"site\":\"s\",\"boot\":1,\"seq\":2,\"samples\":[{\"device\":\"d\",\"t\":1765000000123,"
                + "\"endpoint\":\"10.0.0.1:5000\",\"decoder\":\"text\",\"bytes\":3,\"channels\":{\"v\":1.0}}]}",
                new String(SampleBatchJson.write("s", 1, 2, List.of(sample)), StandardCharsets.UTF_8));
    }

    @Test
    void whatIsNotABatchIsRefusedSayingWhy() {
        assertTrue(message("{\"site\":").startsWith("not JSON: "), message("{\"site\":"));
        assertEquals("a batch needs site, boot, seq and samples (in that order)", message("{\"site\":\"s\"}"));
        assertEquals("expected a JSON object, found START_ARRAY", message("[1,2]"));
        assertEquals("channel 'v' is not a number",
                message("{\"site\":\"s\",\"boot\":1,\"seq\":1,\"samples\":[{\"device\":\"d\",\"t\":1,\"channels\":{\"v\":true}}]}"));
    }

    private static String message(String json) {
        return assertThrows(IllegalArgumentException.class,
                () -> SampleBatchJson.read(json.getBytes(StandardCharsets.UTF_8))).getMessage();
    }
}
