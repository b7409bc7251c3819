package io.fieldbench.example.decoder;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Component;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.api.decoder.Decoder;

/**
 * A complete decoder bundle in one class, the template of {@code docs/decoders.md}. It reads
 * frames such as {@code EX id:pump7 seq:42 temp:21.5 state:ok}: the prefix {@code EX}, then
 * {@code key:value} pairs separated by spaces or commas. {@code id} names the device, {@code seq}
 * numbers the frame, numbers become channels and other values texts.
 * <p>
 * The three answers every decoder gives: empty for a datagram in another format (decided as
 * cheaply as possible, because in automatic mode every datagram may be offered to it), a frame,
 * or an {@link IllegalArgumentException} whose message says what is broken. It keeps no state in
 * fields: the collector calls it from several threads at once.
 * <p>
 * The service ranking puts it before the shipped decoders when the collector tries them all: its
 * prefix is specific, so it can look first.
 */
@Component(service = Decoder.class, property = "service.ranking:Integer=" + ExampleDecoder.RANKING)
public class ExampleDecoder implements Decoder {

    static final String NAME = "example";
    static final int RANKING = 400;
    private static final byte[] PREFIX = { 'E', 'X' };
    private static final String ID = "id";
    private static final String SEQUENCE = "seq";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<DecodedFrame> decode(ByteBuffer payload, Charset charset) {
        if (!startsWithPrefix(payload)) {
            return Optional.empty();
        }
        String text = charset.decode(payload.duplicate()).toString().strip();
        String[] pairs = text.substring(PREFIX.length).strip().split("[\\s,]+");
        Optional<String> device = Optional.empty();
        OptionalLong sequence = OptionalLong.empty();
        Map<String, Double> channels = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("'" + pair + "' is no key:value pair");
            }
            String key = pair.substring(0, colon);
            String value = pair.substring(colon + 1);
            if (key.equals(ID)) {
                device = Optional.of(value);
            } else if (key.equals(SEQUENCE)) {
                sequence = OptionalLong.of(wholeNumber(value));
            } else {
                try {
                    channels.put(key, Double.parseDouble(value));
                } catch (NumberFormatException notANumber) {
                    texts.put(key, value);
                }
            }
        }
        return Optional.of(new DecodedFrame(device, sequence, channels, texts));
    }

    /** Looks at two bytes, without decoding: most datagrams offered to it are not its own. */
    private static boolean startsWithPrefix(ByteBuffer payload) {
        if (payload.remaining() < PREFIX.length) {
            return false;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (payload.get(payload.position() + i) != PREFIX[i]) {
                return false;
            }
        }
        return payload.remaining() == PREFIX.length || payload.get(payload.position() + PREFIX.length) == ' ';
    }

    private static long wholeNumber(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seq:" + value + " is not a whole number");
        }
    }
}
