package io.fieldbench.decoder.json;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Optional;

import io.fieldbench.api.decoder.DecodedFrame;

/**
 * The JSON decoder's settings, checked once when the configuration changes.
 *
 * @param idKey       the flattened name ({@code id}, or {@code meta.id} when nested) whose value is the device id
 * @param sequenceKey the flattened name whose value is the sequence number
 */
record JsonFormat(String idKey, String sequenceKey) {

    /**
     * Reads and checks a configuration.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and why
     */
    static JsonFormat from(JsonDecoder.Config config) {
        String idKey = key("id.key", config.id_key());
        String sequenceKey = key("sequence.key", config.sequence_key());
        if (idKey.equals(sequenceKey)) {
            throw new IllegalArgumentException("id.key and sequence.key are both '" + idKey + "'");
        }
        return new JsonFormat(idKey, sequenceKey);
    }

    private static String key(String setting, String value) {
        String key = value.strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException(setting + " is empty");
        }
        return key;
    }

    /**
     * Decodes one datagram.
     *
     * @return the frame; empty when the datagram does not start with <code>{</code>
     * @throws IllegalArgumentException when it starts like an object but is not a well-formed one
     */
    Optional<DecodedFrame> decode(ByteBuffer payload, Charset charset) {
        return JsonPayload.read(payload, charset).map(text -> {
            JsonFields fields = new JsonFields(this);
            JsonReader.read(text, fields);
            return fields.frame();
        });
    }
}
