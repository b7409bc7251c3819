package io.fieldbench.decoder.text;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.decoder.text.TextPayload.InvalidBytes;

/**
 * The text decoder's settings, checked once when the configuration changes rather than on every
 * datagram.
 *
 * @param idKey        the key whose value is the device id
 * @param sequenceKey  the key whose value is the sequence number
 * @param csvColumns   names of the values of a line without {@code =}, in order; empty when CSV is off
 * @param invalidBytes what to do with bytes that are invalid in the charset
 */
record TextFormat(String idKey, String sequenceKey, List<String> csvColumns, InvalidBytes invalidBytes) {

    TextFormat {
        csvColumns = List.copyOf(csvColumns);
    }

    /**
     * Decodes one datagram.
     *
     * @return the frame; empty when the bytes are binary, blank, or neither pairs nor (with columns configured) CSV
     * @throws IllegalArgumentException when the line is text of this format but broken
     */
    Optional<DecodedFrame> decode(ByteBuffer payload, Charset charset) {
        Optional<String> text = TextPayload.read(payload, charset, invalidBytes);
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.empty();
        }
        String line = text.get();
        FrameFields fields = new FrameFields(this);
        if (KeyValueLine.looksLikePairs(line)) {
            KeyValueLine.read(line, fields);
        } else if (!csvColumns.isEmpty()) {
            CsvLine.read(line, csvColumns, fields);
        } else {
            return Optional.empty();
        }
        return Optional.of(fields.frame());
    }

    /**
     * Reads and checks a configuration.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and why
     */
    static TextFormat from(TextDecoder.Config config) {
        String idKey = key("id.key", config.id_key());
        String sequenceKey = key("sequence.key", config.sequence_key());
        if (idKey.equals(sequenceKey)) {
            throw new IllegalArgumentException("id.key and sequence.key are both '" + idKey + "'");
        }
        return new TextFormat(idKey, sequenceKey, columns(config.csv_columns()), invalidBytes(config.invalid_bytes()));
    }

    private static String key(String setting, String value) {
        String key = value.strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException(setting + " is empty");
        }
        if (key.chars().anyMatch(c -> KeyValueLine.isSeparator((char) c) || c == '=' || c == '"')) {
            throw new IllegalArgumentException(setting + " '" + key + "' contains a separator, '=' or '\"'");
        }
        return key;
    }

    private static List<String> columns(String setting) {
        if (setting.isBlank()) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : setting.split(",", -1)) {
            String name = column.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("csv.columns '" + setting + "' has an empty column name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("csv.columns names '" + name + "' twice");
            }
            columns.add(name);
        }
        if (columns.size() > FrameFields.MAX_FIELDS) {
            throw new IllegalArgumentException("csv.columns names " + columns.size() + " columns, more than "
                    + FrameFields.MAX_FIELDS);
        }
        return columns;
    }

    private static InvalidBytes invalidBytes(String setting) {
        try {
            return InvalidBytes.valueOf(setting.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid.bytes is '" + setting + "'; use reject or replace");
        }
    }
}
