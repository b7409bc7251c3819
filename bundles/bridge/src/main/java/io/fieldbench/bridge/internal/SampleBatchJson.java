package io.fieldbench.bridge.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.fieldbench.api.sample.Sample;

/**
 * A batch of samples as the JSON a consumer reads (Telegraf, Node-RED, another bench), in the
 * {@link BatchJson} envelope:
 * <pre>
 * {"site":"field","boot":1765000000000,"seq":42,"samples":[
 *   {"device":"m-17","t":1765000000123,"seq":7,"endpoint":"203.0.113.9:40112","decoder":"text",
 *    "bytes":24,"channels":{"temp":21.5,"rssi":-71},"texts":{"state":"ok"}}]}
 * </pre>
 * {@code t} is the receive time in milliseconds since 1970 (UTC); a sample's {@code seq} is the
 * device's own frame number, present only when its frames carry one.
 */
final class SampleBatchJson {

    private SampleBatchJson() {
    }

    static byte[] write(String site, long boot, long seq, List<Sample> samples) {
        return BatchJson.write(site, boot, seq, "samples", samples, SampleBatchJson::writeSample);
    }

    private static void writeSample(JsonGenerator out, Sample sample) throws IOException {
        out.writeStartObject();
        out.writeStringField("device", sample.deviceId());
        out.writeNumberField("t", sample.receivedAt().toEpochMilli());
        if (sample.sequence().isPresent()) {
            out.writeNumberField("seq", sample.sequence().getAsLong());
        }
        out.writeStringField("endpoint", sample.endpoint());
        out.writeStringField("decoder", sample.decoder());
        out.writeNumberField("bytes", sample.bytes());
        out.writeObjectFieldStart("channels");
        for (Map.Entry<String, Double> channel : sample.channels().entrySet()) {
            out.writeNumberField(channel.getKey(), channel.getValue()); // NaN and infinities as strings
        }
        out.writeEndObject();
        if (!sample.texts().isEmpty()) {
            out.writeObjectFieldStart("texts");
            for (Map.Entry<String, String> text : sample.texts().entrySet()) {
                out.writeStringField(text.getKey(), text.getValue());
            }
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /**
     * Reads a batch; its devices are renamed {@code site/device}, the name a watching bench gives a
     * remote device.
     *
     * @throws IllegalArgumentException when the message is not such a batch, saying why
     */
    static BatchJson.Batch<Sample> read(byte[] message) {
        return BatchJson.read(message, "samples", SampleBatchJson::readSample);
    }

    private static Sample readSample(JsonParser in, String site) throws IOException {
        String device = null;
        long time = -1;
        OptionalLong sequence = OptionalLong.empty();
        String endpoint = "";
        String decoder = "";
        int bytes = 0;
        Map<String, Double> channels = Map.of();
        Map<String, String> texts = Map.of();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "device" -> device = in.getValueAsString();
                case "t" -> time = in.getValueAsLong(-1);
                case "seq" -> sequence = OptionalLong.of(in.getValueAsLong());
                case "endpoint" -> endpoint = in.getValueAsString("");
                case "decoder" -> decoder = in.getValueAsString("");
                case "bytes" -> bytes = in.getValueAsInt(0);
                case "channels" -> channels = readChannels(in);
                case "texts" -> texts = readTexts(in);
                default -> in.skipChildren();
            }
        }
        if (device == null || time < 0) {
            throw new IllegalArgumentException("a sample needs device and t");
        }
        return new Sample(site + "/" + device, endpoint(endpoint), Instant.ofEpochMilli(time), decoder, sequence,
                channels, texts, bytes);
    }

    private static Map<String, Double> readChannels(JsonParser in) throws IOException {
        BatchJson.expect(in.currentToken(), JsonToken.START_OBJECT, "channels as an object");
        Map<String, Double> channels = new HashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonToken value = in.nextToken();
            if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                channels.put(name, in.getDoubleValue());
            } else if (value == JsonToken.VALUE_STRING) {
                channels.put(name, Double.parseDouble(in.getText())); // NaN, Infinity
            } else {
                throw new IllegalArgumentException("channel '" + name + "' is not a number");
            }
        }
        return channels;
    }

    private static Map<String, String> readTexts(JsonParser in) throws IOException {
        BatchJson.expect(in.currentToken(), JsonToken.START_OBJECT, "texts as an object");
        Map<String, String> texts = new HashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            in.nextToken();
            texts.put(name, in.getValueAsString(""));
        }
        return texts;
    }

    /** A remote endpoint, kept as text: {@code a.b.c.d:port} or {@code [v6]:port}, never looked up. */
    static InetSocketAddress endpoint(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return InetSocketAddress.createUnresolved(text.isEmpty() ? "unknown" : text, 0);
        }
        try {
            // an IPv6 host keeps its brackets, so the bench writes the endpoint as it came
            return InetSocketAddress.createUnresolved(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return InetSocketAddress.createUnresolved(text, 0);
        }
    }
}
