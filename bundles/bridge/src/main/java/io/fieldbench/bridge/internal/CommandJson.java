package io.fieldbench.bridge.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Downlink commands and their results as JSON:
 * <pre>
 * command: {"id":"5f0c…","from":"lab","device":"m-17","hex":"48656c6c6f","expires":1765000030000}
 * reply:   {"id":"5f0c…","site":"field","device":"m-17","ok":true,"result":"sent 5 bytes to 203.0.113.9:40112"}
 * </pre>
 */
final class CommandJson {

    /** A datagram for a device of another site, to be sent before {@code expires} (ms since 1970). */
    record Command(String id, String from, String device, byte[] payload, long expires) {
    }

    /** What became of a command. */
    record Reply(String id, String site, String device, boolean ok, String result) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private CommandJson() {
    }

    static byte[] write(Command command) {
        return write(out -> {
            out.writeStringField("id", command.id());
            out.writeStringField("from", command.from());
            out.writeStringField("device", command.device());
            out.writeStringField("hex", HEX.formatHex(command.payload()));
            out.writeNumberField("expires", command.expires());
        });
    }

    static byte[] write(Reply reply) {
        return write(out -> {
            out.writeStringField("id", reply.id());
            out.writeStringField("site", reply.site());
            out.writeStringField("device", reply.device());
            out.writeBooleanField("ok", reply.ok());
            out.writeStringField("result", reply.result());
        });
    }

    /** @throws IllegalArgumentException when it is not a command, saying why */
    static Command readCommand(byte[] message) {
        Fields fields = read(message);
        if (fields.id == null || fields.device == null || fields.hex == null || fields.expires < 0) {
            throw new IllegalArgumentException("a command needs id, device, hex and expires");
        }
        try {
            return new Command(fields.id, fields.from == null ? "" : fields.from, fields.device, HEX.parseHex(fields.hex),
                    fields.expires);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the command's hex is not hexadecimal bytes");
        }
    }

    /** @throws IllegalArgumentException when it is not a reply, saying why */
    static Reply readReply(byte[] message) {
        Fields fields = read(message);
        if (fields.id == null || fields.result == null) {
            throw new IllegalArgumentException("a reply needs id, ok and result");
        }
        return new Reply(fields.id, fields.site == null ? "" : fields.site, fields.device == null ? "" : fields.device,
                fields.ok, fields.result);
    }

    private static final class Fields {
        String id;
        String from;
        String site;
        String device;
        String hex;
        String result;
        long expires = -1;
        boolean ok;
    }

    private static Fields read(byte[] message) {
        Fields fields = new Fields();
        try (JsonParser in = BatchJson.JSON.createParser(message)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                in.nextToken();
                switch (name) {
                    case "id" -> fields.id = in.getValueAsString();
                    case "from" -> fields.from = in.getValueAsString();
                    case "site" -> fields.site = in.getValueAsString();
                    case "device" -> fields.device = in.getValueAsString();
                    case "hex" -> fields.hex = in.getValueAsString();
                    case "result" -> fields.result = in.getValueAsString();
                    case "expires" -> fields.expires = in.getValueAsLong(-1);
                    case "ok" -> fields.ok = in.getValueAsBoolean();
                    default -> in.skipChildren();
                }
            }
            return fields;
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("not JSON: " + why, e);
        }
    }

    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (JsonGenerator out = BatchJson.JSON.createGenerator(bytes)) {
            out.writeStartObject();
            body.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not on a byte array
        }
        return bytes.toByteArray();
    }
}
