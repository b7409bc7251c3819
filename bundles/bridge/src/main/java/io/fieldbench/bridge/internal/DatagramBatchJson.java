package io.fieldbench.bridge.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.fieldbench.api.sample.Datagram;

/**
 * A batch of the raw datagram stream ({@code publish.datagrams}) as JSON, in the
 * {@link BatchJson} envelope:
 * <pre>
 * {"site":"field","boot":1765000000000,"seq":9,"datagrams":[
 *   {"t":1765000000123,"endpoint":"203.0.113.9:40112","hex":"69643d6d2d3137","problem":""}]}
 * </pre>
 * {@code problem} is why the collecting bench could not decode it (empty when it could).
 */
final class DatagramBatchJson {

    private static final HexFormat HEX = HexFormat.of();

    private DatagramBatchJson() {
    }

    static byte[] write(String site, long boot, long seq, List<Datagram> datagrams) {
        return BatchJson.write(site, boot, seq, "datagrams", datagrams, DatagramBatchJson::writeDatagram);
    }

    /** @throws IllegalArgumentException when the message is not such a batch, saying why */
    static BatchJson.Batch<Datagram> read(byte[] message) {
        return BatchJson.read(message, "datagrams", DatagramBatchJson::readDatagram);
    }

    private static void writeDatagram(JsonGenerator out, Datagram datagram) throws IOException {
        out.writeStartObject();
        out.writeNumberField("t", datagram.receivedAt().toEpochMilli());
        out.writeStringField("endpoint", datagram.endpoint());
        out.writeStringField("hex", HEX.formatHex(datagram.payload()));
        out.writeStringField("problem", datagram.problem());
        out.writeEndObject();
    }

    private static Datagram readDatagram(JsonParser in, String site) throws IOException {
        long time = -1;
        String endpoint = "";
        String hex = null;
        String problem = "";
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "t" -> time = in.getValueAsLong(-1);
                case "endpoint" -> endpoint = in.getValueAsString("");
                case "hex" -> hex = in.getValueAsString();
                case "problem" -> problem = in.getValueAsString("");
                default -> in.skipChildren();
            }
        }
        if (time < 0 || hex == null) {
            throw new IllegalArgumentException("a datagram needs t and hex");
        }
        return new Datagram(SampleBatchJson.endpoint(endpoint), Instant.ofEpochMilli(time), HEX.parseHex(hex), problem);
    }
}
