package io.fieldbench.imagerelay.store;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldbench.imagerelay.format.ImageInfo;

/**
 * The names of kept images, {@code yyyyMMdd-HHmmss-<sender>-<name>} in local time, and the one
 * way any name from the network is made safe to be part of one: no path, no character a file
 * system forbids or a terminal obeys, a length every file system takes.
 */
final class ImageFileName {

    /** What an empty or entirely unsafe name becomes. */
    static final String FALLBACK = "image";
    static final int MAX_CHARS = 80;
    /** Names are also limited in UTF-8 bytes: file systems count bytes (255), and CJK takes three each. */
    static final int MAX_BYTES = 160;
    /** A sender is an address or a short label; with the stamp and a name it stays under 255 bytes. */
    static final int MAX_SENDER_LENGTH = 48;
    /** Longer "extensions" are part of the name, and may be cut. */
    private static final int MAX_EXTENSION_CHARS = 10;

    private static final String FORBIDDEN = "/\\:*?\"<>|";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** The sender has no dash (made so), so the name is everything after the third dash. */
    private static final Pattern KEPT = Pattern.compile("\\d{8}-\\d{6}-([^-]+)-(.+)");

    /** Spellings that mean the same format, beside the extension ImageInfo gives. */
    private static final Map<String, List<String>> SAME_FORMAT = Map.of(
            "jpg", List.of("jpeg", "jpe", "jfif"),
            "bmp", List.of("dib"));
    /** Extensions that name an image format: a wrong one is replaced, any other suffix kept. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "jfif", "png", "apng", "gif",
            "webp", "bmp", "dib", "tif", "tiff", "heic", "heif", "avif", "ico", "svg");

    private ImageFileName() {
    }

    /**
     * The file name for an image: the arrival time, the sender, and the name with the extension its
     * bytes call for; {@code copy} 2, 3, ... tells apart different images that would share a name.
     */
    static String of(Instant time, String sender, String name, ImageInfo info, int copy) {
        String safeName = safe(withExtension(safe(name), info));
        if (copy > 1) {
            int dot = safeName.lastIndexOf('.');
            safeName = safeName.substring(0, dot) + "-" + copy + safeName.substring(dot);
        }
        return STAMP.format(time.atZone(ZoneId.systemDefault())) + "-" + senderPart(sender) + "-" + safeName;
    }

    /** The sender a kept file's name gives; empty when the name does not follow the pattern. */
    static String sender(String fileName) {
        Matcher kept = KEPT.matcher(fileName);
        return kept.matches() ? kept.group(1) : "";
    }

    /** The image's own name within a kept file's name; the whole name when it does not follow the pattern. */
    static String name(String fileName) {
        Matcher kept = KEPT.matcher(fileName);
        return kept.matches() ? kept.group(2) : fileName;
    }

    /** See {@link ImageStore#safeName(String)}. */
    static String safe(String name) {
        return safe(name, MAX_CHARS, MAX_BYTES, FALLBACK);
    }

    /** A sender as part of a file name: safe, short, and without dashes so the pattern splits it back. */
    private static String senderPart(String sender) {
        return safe(sender, MAX_SENDER_LENGTH, MAX_SENDER_LENGTH, "unknown").replace('-', '_');
    }

    private static String withExtension(String name, ImageInfo info) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (extension.equals(info.extension()) || SAME_FORMAT.getOrDefault(info.extension(), List.of()).contains(extension)) {
            return name;
        }
        String stem = IMAGE_EXTENSIONS.contains(extension) ? name.substring(0, dot) : name;
        return stem + "." + info.extension();
    }

    private static String safe(String raw, int maxChars, int maxBytes, String fallback) {
        if (raw == null) {
            return fallback;
        }
        StringBuilder out = new StringBuilder();
        lastSegment(Normalizer.normalize(raw, Normalizer.Form.NFC)).codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            } else if (FORBIDDEN.indexOf(c) >= 0) {
                out.append('_');
            } else if (!invisible(c)) {
                out.appendCodePoint(c);
            }
        });
        String cleaned = trimmed(out.toString().replaceAll("\\.{2,}", ".").replaceAll(" {2,}", " "));
        String shortened = trimmed(shortened(cleaned, maxChars, maxBytes));
        return shortened.isEmpty() ? fallback : shortened;
    }

    /** The last path segment with anything in it, whichever separator the sender's system uses. */
    private static String lastSegment(String name) {
        String[] segments = name.split("[/\\\\]");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isBlank()) {
                return segments[i];
            }
        }
        return "";
    }

    /** Control, formatting (bidi overrides that disguise an extension) and other unprintable characters. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }

    /** Without leading dots (hidden files, and ours), or trailing dots and spaces (which Windows drops). */
    private static String trimmed(String name) {
        return name.replaceAll("^[. ]+|[. ]+$", "");
    }

    /** At most maxChars code points and maxBytes of UTF-8, cut in the stem so the extension stays. */
    private static String shortened(String name, int maxChars, int maxBytes) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION_CHARS + 1 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        stem = stem.substring(0, stem.offsetByCodePoints(0, Math.min(codePoints(stem), maxChars)));
        while (!stem.isEmpty() && (codePoints(stem) + codePoints(extension) > maxChars
                || utf8Length(stem) + utf8Length(extension) > maxBytes)) {
            stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
        }
        return stem + extension;
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
