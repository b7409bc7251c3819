package io.fieldbench.recorder.format;

import java.nio.charset.StandardCharsets;

/**
 * The recording file format, version 1: an 8-byte header, then records appended one after another.
 * <pre>
 * header:  "FBREC" (5 bytes ASCII)  version (1 byte, = 1)  kind (1 byte: 'S' samples, 'D' datagrams)  '\n'
 * record:  length (int32, big-endian, 1..MAX_RECORD)  crc32 of the body (int32)  body (length bytes)
 * </pre>
 * A record is only ever appended, never rewritten, so a crash can leave at most one torn record at
 * the end: a length that runs past the end of the file, or a body whose CRC does not match. The
 * reader stops there; the writer never appends after such a tail but starts a new part file.
 */
public final class RecordFormat {

    static final byte[] MAGIC = "FBREC".getBytes(StandardCharsets.US_ASCII);
    static final byte VERSION = 1;
    public static final int HEADER_BYTES = 8;
    static final int FRAME_BYTES = 8;
    /** The largest body a record may have; a length beyond it can only be garbage. */
    public static final int MAX_RECORD = 1 << 20;

    private RecordFormat() {
    }

    /** What a file holds. */
    public enum Kind {
        SAMPLES('S', "samples"), DATAGRAMS('D', "datagrams");

        final byte code;
        private final String fileName;

        Kind(char code, String fileName) {
            this.code = (byte) code;
            this.fileName = fileName;
        }

        /** The word that starts the kind's file names. */
        public String fileName() {
            return fileName;
        }

        static Kind of(byte code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            return null;
        }
    }

    static byte[] header(Kind kind) {
        byte[] header = new byte[HEADER_BYTES];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[5] = VERSION;
        header[6] = kind.code;
        header[7] = '\n';
        return header;
    }
}
