package io.fieldbench.bridge.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The envelope every batch of a site's streams shares,
 * {@code {"site":…,"boot":…,"seq":…,"<items>":[…]}}: the items of {@code batch.millis},
 * numbered within the publishing bench's run ({@code boot}, its start time), so that a consumer
 * drops a batch it saw already (QoS 1 may deliver twice) and sees which are missing. Written and
 * read with Jackson's streaming API: this is the bridge's hot path.
 */
final class BatchJson {

    /** A batch read back. */
    record Batch<T>(String site, long boot, long seq, List<T> items) {
    }

    /** Writes one item as a JSON object. */
    interface ItemWriter<T> {
        void write(JsonGenerator out, T item) throws IOException;
    }

    /** Reads one item; the parser stands on its {@code START_OBJECT}. */
    interface ItemReader<T> {
        T read(JsonParser in, String site) throws IOException;
    }

    static final JsonFactory JSON = new JsonFactory();

    private BatchJson() {
    }

    static <T> byte[] write(String site, long boot, long seq, String itemsName, List<T> items, ItemWriter<T> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + items.size() * 128);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("site", site);
            out.writeNumberField("boot", boot);
            out.writeNumberField("seq", seq);
            out.writeArrayFieldStart(itemsName);
            for (T item : items) {
                writer.write(out, item);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not on a byte array
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the message is not such a batch, saying why */
    static <T> Batch<T> read(byte[] message, String itemsName, ItemReader<T> reader) {
        String needs = "a batch needs site, boot, seq and " + itemsName + " (in that order)";
        try (JsonParser in = JSON.createParser(message)) {
            expect(in.nextToken(), JsonToken.START_OBJECT, "a JSON object");
            String site = null;
            long boot = -1;
            long seq = -1;
            List<T> items = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                if (field.equals(itemsName)) {
                    if (site == null) {
                        throw new IllegalArgumentException(needs);
                    }
                    expect(in.currentToken(), JsonToken.START_ARRAY, "an array of " + itemsName);
                    items = new ArrayList<>();
                    while (in.nextToken() == JsonToken.START_OBJECT) {
                        items.add(reader.read(in, site));
                    }
                    continue;
                }
                switch (field) {
                    case "site" -> site = in.getValueAsString();
                    case "boot" -> boot = in.getValueAsLong(-1);
                    case "seq" -> seq = in.getValueAsLong(-1);
                    default -> in.skipChildren();
                }
            }
            if (site == null || boot < 0 || seq < 0 || items == null) {
                throw new IllegalArgumentException(needs);
            }
            return new Batch<>(site, boot, seq, items);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("not JSON: " + why, e);
        }
    }

    static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + what + ", found " + actual);
        }
    }
}
