package io.fieldbench.imagerelay.format;

import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

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

        boolean matches(ByteBuf data) {
            return MagicNumber.at(data, offset, bytes);
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
    static String describe(ByteBuf bytes) {
        int length = bytes.readableBytes();
        if (length == 0) {
            return "no bytes came";
        }
        byte[] sample = ByteBufUtil.getBytes(bytes, bytes.readerIndex(), Math.min(length, TEXT_SAMPLE));
        String hex = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(sample, 0, Math.min(SHOWN, length));
        String start = length < SHOWN ? "only " + length + (length == 1 ? " byte" : " bytes") + " came: " + hex
                : "the bytes start with " + hex;
        return MAGICS.stream().filter(m -> m.matches(bytes)).findFirst().map(m -> start + " (" + m.guess() + ")")
                .orElse(looksLikeText(sample) ? start + " (text?)" : start);
    }

    private static boolean looksLikeText(byte[] sample) {
        for (byte value : sample) {
            int b = value & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
