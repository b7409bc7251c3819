package io.fieldbench.decoder.binary;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldbench.decoder.binary.BinaryField.Kind;

/**
 * Reads and checks a binary layout from configuration, once per change, so that a mistake is
 * reported when it is made and not as a decode error on every datagram.
 * <p>
 * The field list: fields separated by {@code ,}, {@code ;} or line breaks, each
 * {@code name:type@offset}, then optionally {@code :BE} or {@code :LE} and {@code *scale}:
 *
 * <pre>
 * id:u32@0:BE, seq:u16@4, temp:i16@6:LE*0.01, volt:f32@8, imei:hex8@12, site:str16@20
 * </pre>
 *
 * Types: {@code u8 u16 u32 u64} (unsigned), {@code i8 i16 i32 i64} (two's complement),
 * {@code f32 f64} (IEEE 754), {@code strN} (N bytes of text up to the first NUL), {@code hexN}
 * (N bytes as hex digits). Offsets count from the frame's first byte (the magic's, if any), in
 * decimal or {@code 0x} hex. Numbers without {@code :BE}/{@code :LE} take {@code byte.order}.
 */
final class LayoutParser {

    /** A UDP datagram carries at most this many bytes; no field can lie beyond. */
    static final int MAX_FRAME_LENGTH = 65_507;

    /** At most this many fields in one layout. */
    static final int MAX_FIELDS = 10_000;

    private static final Pattern FIELD = Pattern.compile(
            "(?<name>[^\\s:@*]+)\\s*:\\s*(?<type>[a-zA-Z]+)(?<size>\\d+)\\s*@\\s*(?<offset>0[xX][0-9a-fA-F]+|\\d+)(?<options>.*)");
    private static final Pattern OPTION = Pattern.compile("\\s*(?::\\s*(?<order>[a-zA-Z]+)|\\*\\s*(?<scale>[^\\s:*]+))");
    private static final String TYPES = "u8..u64, i8..i64, f32, f64, strN, hexN";

    private LayoutParser() {
    }

    /**
     * The layout a configuration describes, or empty when its field list is empty (the decoder is off).
     *
     * @throws IllegalArgumentException naming the setting or field that is wrong, and why
     */
    static Optional<BinaryLayout> parse(BinaryDecoder.Config config) {
        if (config.fields().isBlank()) {
            return Optional.empty();
        }
        ByteOrder defaultOrder = order("byte.order", config.byte_order());
        List<BinaryField> fields = fields(config.fields(), defaultOrder);
        byte[] magic = magic(config.magic());
        int frameLength = config.frame_length();
        if (frameLength < 0 || frameLength > MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("frame.length " + frameLength + " is not between 0 (any) and " + MAX_FRAME_LENGTH);
        }
        if (frameLength > 0) {
            for (BinaryField field : fields) {
                if (field.end() > frameLength) {
                    throw new IllegalArgumentException("field " + field.spec() + " ends at byte " + field.end()
                            + ", beyond frame.length " + frameLength);
                }
            }
            if (magic.length > frameLength) {
                throw new IllegalArgumentException("magic of " + magic.length + " bytes is longer than frame.length " + frameLength);
            }
        }
        Optional<BinaryField> id = named("id.field", config.id_field(), fields);
        Optional<BinaryField> sequence = named("sequence.field", config.sequence_field(), fields);
        id.filter(field -> field.kind() == Kind.FLOAT).ifPresent(field -> {
            throw new IllegalArgumentException("id.field " + field.spec() + " is a float; use an integer, str or hex field");
        });
        sequence.filter(field -> field.kind() != Kind.UNSIGNED && field.kind() != Kind.SIGNED).ifPresent(field -> {
            throw new IllegalArgumentException("sequence.field " + field.spec() + " is not an integer field");
        });
        if (id.isPresent() && id.equals(sequence)) {
            throw new IllegalArgumentException("id.field and sequence.field are both '" + id.get().name() + "'");
        }
        for (Optional<BinaryField> special : List.of(id, sequence)) {
            special.filter(field -> field.scale() != 1).ifPresent(field -> {
                throw new IllegalArgumentException("field " + field.spec() + " is the id or sequence and cannot be scaled");
            });
        }
        return Optional.of(new BinaryLayout(fields, id, sequence, frameLength, magic));
    }

    private static List<BinaryField> fields(String list, ByteOrder defaultOrder) {
        List<BinaryField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String item : list.split("[,;\\n]")) {
            String spec = item.strip();
            if (spec.isEmpty()) {
                continue;
            }
            BinaryField field = field(spec, defaultOrder);
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("fields name '" + field.name() + "' twice");
            }
            if (fields.size() == MAX_FIELDS) {
                throw new IllegalArgumentException("fields has more than " + MAX_FIELDS + " fields");
            }
            fields.add(field);
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("fields '" + list + "' has no field");
        }
        return fields;
    }

    private static BinaryField field(String spec, ByteOrder defaultOrder) {
        Matcher matcher = FIELD.matcher(spec);
        if (!matcher.matches()) {
            throw bad(spec, "write it as name:type@offset, optionally followed by :BE or :LE and *scale");
        }
        Kind kind = kind(spec, matcher.group("type"));
        int size = number(spec, "size", matcher.group("size"));
        if (kind.isNumber()) {
            boolean valid = kind == Kind.FLOAT ? size == 32 || size == 64 : size == 8 || size == 16 || size == 32 || size == 64;
            if (!valid) {
                throw bad(spec, "unknown type '" + matcher.group("type") + size + "' (use " + TYPES + ")");
            }
            size /= Byte.SIZE;
        } else if (size < 1 || size > MAX_FRAME_LENGTH) {
            throw bad(spec, "a " + kind.prefix + " field needs between 1 and " + MAX_FRAME_LENGTH + " bytes");
        }
        int offset = number(spec, "offset", matcher.group("offset"));
        if (offset + (long) size > MAX_FRAME_LENGTH) {
            throw bad(spec, "it ends at byte " + (offset + (long) size) + ", beyond the largest datagram of " + MAX_FRAME_LENGTH);
        }
        ByteOrder order = defaultOrder;
        double scale = 1;
        boolean orderGiven = false;
        boolean scaleGiven = false;
        Matcher option = OPTION.matcher(matcher.group("options"));
        int at = 0;
        while (at < matcher.group("options").length()) {
            if (!option.find(at) || option.start() != at) {
                throw bad(spec, "'" + matcher.group("options").strip() + "' is not :BE, :LE or *scale");
            }
            if (option.group("order") != null) {
                if (orderGiven) {
                    throw bad(spec, "the byte order is given twice");
                }
                order = order("the byte order", option.group("order"));
                orderGiven = true;
            } else {
                if (scaleGiven || !kind.isNumber()) {
                    throw bad(spec, scaleGiven ? "the scale is given twice" : "only numbers can be scaled");
                }
                scale = scale(spec, option.group("scale"));
                scaleGiven = true;
            }
            at = option.end();
        }
        return new BinaryField(matcher.group("name"), kind, size, offset, order, scale);
    }

    private static Kind kind(String spec, String type) {
        for (Kind kind : Kind.values()) {
            if (kind.prefix.equalsIgnoreCase(type)) {
                return kind;
            }
        }
        throw bad(spec, "unknown type '" + type + "' (use " + TYPES + ")");
    }

    private static int number(String spec, String what, String digits) {
        try {
            return digits.startsWith("0x") || digits.startsWith("0X") ? Integer.parseInt(digits.substring(2), 16)
                    : Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            throw bad(spec, "the " + what + " " + digits + " is too large");
        }
    }

    private static double scale(String spec, String text) {
        try {
            double scale = Double.parseDouble(text);
            if (Double.isFinite(scale) && scale != 0 && !text.endsWith("d") && !text.endsWith("f")) {
                return scale;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw bad(spec, "the scale '" + text + "' is not a finite number other than 0");
    }

    private static ByteOrder order(String setting, String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "BE" -> ByteOrder.BIG_ENDIAN;
            case "LE" -> ByteOrder.LITTLE_ENDIAN;
            default -> throw new IllegalArgumentException(setting + " '" + text + "' is neither BE nor LE");
        };
    }

    private static byte[] magic(String text) {
        String digits = text.strip().replaceFirst("^0[xX]", "").replace(" ", "");
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException notHex) {
            throw new IllegalArgumentException("magic '" + text + "' is not an even number of hex digits, such as A55A");
        }
    }

    private static Optional<BinaryField> named(String setting, String name, List<BinaryField> fields) {
        if (name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(fields.stream().filter(field -> field.name().equals(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(setting + " '" + name.strip() + "' is none of the fields")));
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("field '" + spec + "': " + why);
    }
}
