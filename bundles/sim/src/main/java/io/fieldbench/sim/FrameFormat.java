package io.fieldbench.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The frame formats the simulator sends, matching the bench's decoders. Frames are written as
 * ASCII or raw bytes straight into a buffer: at 100 000 frames a second, {@code String.format}
 * would cost a core.
 * <ul>
 * <li>{@link #TEXT}: {@code id=dev0001,seq=17,temp=21.53,hum=40.1}</li>
 * <li>{@link #JSON}: {@code {"id":"dev0001","seq":17,"temp":21.53,"hum":40.1}}</li>
 * <li>{@link #BINARY}: {@value #BINARY_LENGTH} bytes, big-endian: {@code u32 device} (the device
 * number, 1 for dev0001) at 0, {@code u32 seq} (wraps at 2^32) at 4, {@code i16 temp} (scale
 * 0.01 °C) at 8, {@code u16 hum} (scale 0.1 %) at 10.</li>
 * </ul>
 * A minimum size pads a frame: text with {@code ,pad=xxx}, JSON with {@code "pad":"xxx"}, binary
 * with zero bytes after the fields.
 */
public enum FrameFormat {

    TEXT {
        @Override
        void encode(Reading reading, int minSize, ByteBuffer out) {
            readings(out, reading, "id=", ",seq=", ",temp=", ",hum=");
            int padding = minSize - out.position() - TEXT_PAD.length();
            if (padding > 0) {
                ascii(out, TEXT_PAD);
                fill(out, (byte) 'x', padding);
            }
        }
    },

    JSON {
        @Override
        void encode(Reading reading, int minSize, ByteBuffer out) {
            readings(out, reading, "{\"id\":\"", "\",\"seq\":", ",\"temp\":", ",\"hum\":");
            int padding = minSize - out.position() - JSON_PAD.length() - JSON_PAD_END.length() - 1;
            if (padding > 0) {
                ascii(out, JSON_PAD);
                fill(out, (byte) 'x', padding);
                ascii(out, JSON_PAD_END);
            }
            out.put((byte) '}');
        }
    },

    BINARY {
        @Override
        void encode(Reading reading, int minSize, ByteBuffer out) {
            out.order(ByteOrder.BIG_ENDIAN);
            out.putInt(reading.number());
            out.putInt((int) reading.sequence()); // the low 32 bits: a u32 counter wraps
            out.putShort((short) clamp(Math.round(reading.temperature() / TEMP_SCALE), Short.MIN_VALUE, Short.MAX_VALUE));
            out.putShort((short) clamp(Math.round(reading.humidity() / HUM_SCALE), 0, U16_MAX));
            fill(out, (byte) 0, minSize - out.position());
        }
    };

    /** Size of a binary frame without padding. */
    public static final int BINARY_LENGTH = 12;
    /** The binary {@code temp} field is hundredths of a degree. */
    public static final double TEMP_SCALE = 0.01;
    /** The binary {@code hum} field is tenths of a percent. */
    public static final double HUM_SCALE = 0.1;
    private static final int U16_MAX = 0xFFFF;
    private static final String TEXT_PAD = ",pad=";
    private static final String JSON_PAD = ",\"pad\":\"";
    private static final String JSON_PAD_END = "\"";
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};

    /**
     * Writes the frame into the buffer from its start and flips it, ready to send.
     *
     * @param minSize pad the frame to at least this many bytes; 0 for none
     * @throws java.nio.BufferOverflowException when the buffer is smaller than the frame
     */
    public void write(Reading reading, int minSize, ByteBuffer out) {
        out.clear();
        encode(reading, minSize, out);
        out.flip();
    }

    abstract void encode(Reading reading, int minSize, ByteBuffer out);

    /** The format with this name ({@code text}, {@code json}, {@code binary}), ignoring case. */
    public static FrameFormat named(String name) {
        for (FrameFormat format : values()) {
            if (format.label().equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; choose text, json or binary");
    }

    /** The name users choose it by. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Id, sequence, temperature and humidity, each after its label: text and JSON frames differ only in the labels. */
    private static void readings(ByteBuffer out, Reading reading, String id, String seq, String temp, String hum) {
        ascii(out, id);
        ascii(out, reading.deviceId());
        ascii(out, seq);
        ascii(out, Long.toString(reading.sequence()));
        ascii(out, temp);
        fixed(out, reading.temperature(), 2);
        ascii(out, hum);
        fixed(out, reading.humidity(), 1);
    }

    private static void ascii(ByteBuffer out, String text) {
        for (int i = 0; i < text.length(); i++) {
            out.put((byte) text.charAt(i));
        }
    }

    private static void fill(ByteBuffer out, byte value, int count) {
        for (int i = 0; i < count; i++) {
            out.put(value);
        }
    }

    /** Writes the value with exactly this many decimals, rounded half up, as Java's text would read it back. */
    static void fixed(ByteBuffer out, double value, int decimals) {
        long scale = POWERS_OF_TEN[decimals];
        long scaled = Math.round(value * scale);
        if (scaled < 0) {
            out.put((byte) '-');
            scaled = -scaled;
        }
        ascii(out, Long.toString(scaled / scale));
        if (decimals > 0) {
            out.put((byte) '.');
            String fraction = Long.toString(scaled % scale);
            fill(out, (byte) '0', decimals - fraction.length());
            ascii(out, fraction);
        }
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
