package io.fieldbench.decoder.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV line whose values are named by the configured columns, such as
 * {@code dev42,17,21.5,40} with columns {@code id,seq,temp,hum}.
 * <p>
 * Values are separated by commas and trimmed; a value that holds a comma is quoted, with
 * {@code ""} for a quote inside (RFC 4180). The line must have exactly one value per column:
 * a missing or extra value means the columns no longer match the firmware, and guessing which
 * value is which would chart the wrong numbers. An empty value is a reading that was not taken.
 */
final class CsvLine {

    private static final int SHOWN_COLUMNS = 20;

    private CsvLine() {
    }

    /**
     * Reads the line's values into the fields under the column names.
     *
     * @throws IllegalArgumentException when the number of values is not the number of columns, or a quote is not closed
     */
    static void read(String line, List<String> columns, FrameFields fields) {
        List<String> values = new ArrayList<>(columns.size());
        List<Boolean> quoted = new ArrayList<>(columns.size());
        split(line, columns.size(), values, quoted);
        if (values.size() != columns.size()) {
            String count = values.size() > columns.size() ? "more than " + columns.size() : Integer.toString(values.size());
            throw new IllegalArgumentException("CSV line has " + count + " values but csv.columns names " + columns.size()
                    + (columns.size() <= SHOWN_COLUMNS ? " (" + String.join(",", columns) + ")" : ""));
        }
        for (int i = 0; i < values.size(); i++) {
            fields.put(columns.get(i), values.get(i), quoted.get(i));
        }
    }

    private static void split(String line, int columns, List<String> values, List<Boolean> quoted) {
        int position = 0;
        while (true) {
            while (position < line.length() && line.charAt(position) != ',' && Character.isWhitespace(line.charAt(position))) {
                position++;
            }
            if (values.size() > columns) {
                return; // too many already: enough to say so, no need to read the rest
            }
            if (position < line.length() && line.charAt(position) == '"') {
                StringBuilder value = new StringBuilder();
                position = quoted(line, position, value);
                values.add(value.toString());
                quoted.add(true);
                while (position < line.length() && Character.isWhitespace(line.charAt(position))) {
                    position++;
                }
                if (position < line.length() && line.charAt(position) != ',') {
                    throw new IllegalArgumentException("no comma after the quoted value at character " + position);
                }
            } else {
                int start = position;
                while (position < line.length() && line.charAt(position) != ',') {
                    position++;
                }
                values.add(line.substring(start, position).strip());
                quoted.add(false);
            }
            if (position == line.length()) {
                return;
            }
            position++; // the comma
        }
    }

    /** Reads a quoted value starting at the quote; gives the position after the closing quote. */
    private static int quoted(String line, int quote, StringBuilder value) {
        int position = quote + 1;
        while (position < line.length()) {
            char c = line.charAt(position++);
            if (c != '"') {
                value.append(c);
            } else if (position < line.length() && line.charAt(position) == '"') {
                value.append('"');
                position++;
            } else {
                return position;
            }
        }
        throw new IllegalArgumentException("the quote at character " + quote + " is not closed");
    }
}
