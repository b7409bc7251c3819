package io.fieldbench.imagerelay.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Names what bytes that are not an accepted image probably are, so the refusal tells the sender
 * something useful: the first bytes in hex, and a guess at the format.
 */
final class ForeignBytes {

    /** Bytes shown in hex; enough for every magic number below. */
    private static final int SHOWN = 4;
    /** Bytes looked at to tell text from binary. */
    private static final int TEXT_SAMPLE = 512;

    private record Magic(int offset, String bytes, String guess) {

        boolean matches(byte[] data) {
            byte[] magic = bytes.getBytes(StandardCharsets.ISO_8859_1);
            return data.length >= offset + magic.length
                    && Arrays.equals(data, offset, offset + magic.length, magic, 0, magic.length);
        }
    }

    private static final String HEIC = "HEIC? set the phone's camera to its most compatible format";

    private static final List<Magic> MAGICS = List.of(
            new Magic(0, "%PDF", "PDF?"),
            new Magic(0, "PK\u0003\u0004", "ZIP or an office document?"),
            new Magic(0, "II*\u0000", "TIFF?"),
            new Magic(0, "MM\u0000*", "TIFF?"),
            new Magic(4, "ftypheic", HEIC),
            new Magic(4, "ftypheix", HEIC),
            new Magic(4, "ftypmif1", "HEIF or AVIF?"),
            new Magic(4, "ftypavif", "AVIF?"),
            new Magic(4, "ftyp", "a video?"),
            new Magic(0, "\u001a\u0045\u00df\u00a3", "a WebM or MKV video?"),
            new Magic(0, "RIFF", "a RIFF file other than WebP: WAV or AVI?"),
            new Magic(0, "\u001f\u008b", "gzip?"),
            new Magic(0, "\u0000\u0000\u0001\u0000", "an icon, ICO?"),
            new Magic(0, "8BPS", "a Photoshop file?"),
            new Magic(0, "\u007fELF", "a program?"),
            new Magic(0, "MZ", "a Windows program?"),
            new Magic(0, "<", "HTML, XML or SVG?"),
            new Magic(0, "{", "JSON?"));

    private ForeignBytes() {
    }

    /** E.g. "the bytes start with 25 50 44 46 (PDF?)", or "no bytes came". */
    static String describe(byte[] bytes) {
        if (bytes.length == 0) {
            return "no bytes came";
        }
        String hex = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, 0, Math.min(SHOWN, bytes.length));
        String start = bytes.length < SHOWN ? "only " + bytes.length + (bytes.length == 1 ? " byte" : " bytes") + " came: " + hex
                : "the bytes start with " + hex;
        return MAGICS.stream().filter(m -> m.matches(bytes)).findFirst().map(m -> start + " (" + m.guess() + ")")
                .orElse(looksLikeText(bytes) ? start + " (text?)" : start);
    }

    private static boolean looksLikeText(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, TEXT_SAMPLE); i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
