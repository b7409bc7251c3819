package io.fieldbench.bridge.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import io.fieldbench.api.sample.Datagram;

/**
 * A batch of the raw datagram stream ({@code publish.datagrams}) as JSON, numbered like sample
 * batches:
 * <pre>
 * {"site":"field","boot":1765000000000,"seq":9,"datagrams":[
 *   {"t":1765000000123,"endpoint":"203.0.113.9:40112","hex":"69643d6d2d3137","problem":""}]}
 * </pre>
 * {@code problem} is why the collecting bench could not decode it (empty when it could).
 */
final class DatagramBatchJson {

    /** One batch read back. */
    record Batch(String site, long boot, long seq, List<Datagram> datagrams) {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private DatagramBatchJson() {
    }

    static byte[] write(String site, long boot, long seq, List<Datagram> datagrams) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + datagrams.size() * 160);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("site", site);
            out.writeNumberField("boot", boot);
            out.writeNumberField("seq", seq);
            out.writeArrayFieldStart("datagrams");
            for (Datagram datagram : datagrams) {
                out.writeStartObject();
                out.writeNumberField("t", datagram.receivedAt().toEpochMilli());
                out.writeStringField("endpoint", datagram.endpoint());
                out.writeStringField("hex", HEX.formatHex(datagram.payload()));
                out.writeStringField("problem", datagram.problem());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not on a byte array
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the message is not such a batch, saying why */
    static Batch read(byte[] message) {
        try (JsonParser in = JSON.createParser(message)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            String site = null;
            long boot = -1;
            long seq = -1;
            List<Datagram> datagrams = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                switch (field) {
                    case "site" -> site = in.getValueAsString();
                    case "boot" -> boot = in.getValueAsLong(-1);
                    case "seq" -> seq = in.getValueAsLong(-1);
                    case "datagrams" -> datagrams = readDatagrams(in);
                    default -> in.skipChildren();
                }
            }
            if (site == null || boot < 0 || seq < 0 || datagrams == null) {
                throw new IllegalArgumentException("a datagram batch needs site, boot, seq and datagrams");
            }
            return new Batch(site, boot, seq, datagrams);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("not JSON: " + why, e);
        }
    }

    private static List<Datagram> readDatagrams(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("expected an array of datagrams");
        }
        List<Datagram> datagrams = new ArrayList<>();
        while (in.nextToken() == JsonToken.START_OBJECT) {
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
            datagrams.add(new Datagram(SampleBatchJson.endpoint(endpoint), Instant.ofEpochMilli(time), HEX.parseHex(hex), problem));
        }
        return datagrams;
    }
}
