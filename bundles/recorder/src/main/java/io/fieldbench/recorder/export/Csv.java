package io.fieldbench.recorder.export;

/** RFC 4180 quoting of one field. */
final class Csv {

    private Csv() {
    }

    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
