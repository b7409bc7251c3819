package io.fieldbench.udp.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.Optional;
import java.util.Set;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.udp.internal.DecoderShelf.ShelvedDecoder;

/**
 * Decodes one datagram with the chosen decoder, or with the first decoder that accepts it, and
 * turns whatever happens into a {@link Datagram} for the traffic log and maybe a {@link Sample}.
 * A decoder that throws or returns garbage never escapes from here.
 * <p>
 * In automatic mode an {@link IllegalArgumentException} means "my format, but broken" (the
 * {@link io.fieldbench.api.decoder.Decoder} contract) and ends the search; any other exception is a
 * bug in that decoder, so the next one still gets its chance.
 */
final class DatagramDecoding {

    /** A reason longer than this is cut: some decoders put the whole payload into their message. */
    static final int MAX_REASON_LENGTH = 200;
    static final String NOT_RECOGNISED = "no decoder recognised it";

    /**
     * What became of one datagram.
     *
     * @param datagram for the traffic log; its problem is empty when decoded or when there is no decoder at all
     * @param sample   the decoded sample, if decoding succeeded
     * @param fault    a decoder that failed with something else than "broken format": a bug, for the log
     */
    record Outcome(Datagram datagram, Optional<Sample> sample, Optional<Fault> fault) {

        boolean failed() {
            return datagram.failed();
        }
    }

    /** A decoder's bug: it threw something unexpected or returned garbage. */
    record Fault(String decoder, String reason) {
    }

    private DatagramDecoding() {
    }

    /**
     * Decodes one datagram; plain text that no decoder recognised is a keep-alive or a message
     * (see {@link PlainText}) of the device {@code deviceAt} names for its endpoint.
     */
    static Outcome decode(RawDatagram raw, List<ShelvedDecoder> decoders, CollectorSettings settings,
            Function<InetSocketAddress, String> deviceAt) {
        Outcome outcome = decode(raw, decoders, settings.decoder(), settings.charset());
        if (!outcome.failed() || !NOT_RECOGNISED.equals(outcome.datagram().problem())) {
            return outcome;
        }
        return PlainText.of(raw.payload(), settings.charset()).map(text -> {
            boolean keepalive = settings.keepalives().contains(text.toLowerCase(Locale.ROOT));
            return decoded(raw, keepalive ? Sample.KEEPALIVE : Sample.MESSAGE, new DecodedFrame(
                    Optional.of(deviceAt.apply(raw.source())), OptionalLong.empty(), Map.of(),
                    keepalive ? Map.of() : Map.of(Sample.MESSAGE, text)));
        }).orElse(outcome);
    }

    static Outcome decode(RawDatagram raw, List<ShelvedDecoder> decoders, String choice, Charset charset) {
        if (decoders.isEmpty()) {
            return CollectorSettings.AUTO.equals(choice) ? raw(raw, "", null)
                    : raw(raw, "decoder '" + choice + "' is not installed", null);
        }
        if (!CollectorSettings.AUTO.equals(choice)) {
            for (ShelvedDecoder decoder : decoders) {
                if (decoder.name().equals(choice)) {
                    Attempt attempt = attempt(decoder, raw, charset);
                    if (attempt.frame() != null) {
                        return decoded(raw, decoder.name(), attempt.frame());
                    }
                    return attempt.problem() == null ? raw(raw, reason(choice, "not in its format"), null)
                            : raw(raw, attempt.problem(), attempt.fault(decoder));
                }
            }
            return raw(raw, "decoder '" + choice + "' is not installed", null);
        }
        Fault firstBug = null;
        for (ShelvedDecoder decoder : decoders) {
            Attempt attempt = attempt(decoder, raw, charset);
            if (attempt.frame() != null) {
                return decoded(raw, decoder.name(), attempt.frame());
            }
            if (attempt.problem() != null && !attempt.bug()) {
                return raw(raw, attempt.problem(), null);
            }
            if (attempt.problem() != null && firstBug == null) {
                firstBug = attempt.fault(decoder);
            }
        }
        return firstBug != null ? raw(raw, firstBug.reason(), firstBug) : raw(raw, NOT_RECOGNISED, null);
    }

    /** One decoder's answer: a frame, nothing (not its format), or a problem, which is a bug unless it said "broken". */
    private record Attempt(DecodedFrame frame, String problem, boolean bug) {
        static final Attempt NOT_MINE = new Attempt(null, null, false);

        Fault fault(ShelvedDecoder decoder) {
            return bug ? new Fault(decoder.name(), problem) : null;
        }
    }

    @SuppressWarnings("java:S1181") // a decoder is foreign code: even its errors must not stop the collector
    private static Attempt attempt(ShelvedDecoder decoder, RawDatagram raw, Charset charset) {
        Optional<DecodedFrame> result;
        try {
            result = decoder.decoder().decode(ByteBuffer.wrap(raw.payload()).asReadOnlyBuffer(), charset);
        } catch (IllegalArgumentException e) {
            return new Attempt(null, reason(decoder.name(), describe(e)), false);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return new Attempt(null, reason(decoder.name(), "failed: " + describe(e)), true);
        }
        if (result == null) {
            return new Attempt(null, reason(decoder.name(), "returned null instead of a frame or nothing"), true);
        }
        if (result.isEmpty()) {
            return Attempt.NOT_MINE;
        }
        String garbage = garbage(result.get());
        return garbage == null ? new Attempt(result.get(), null, false)
                : new Attempt(null, reason(decoder.name(), garbage), true);
    }

    /** What is unusable in a frame, or null. NaN and infinities are data, not garbage. */
    private static String garbage(DecodedFrame frame) {
        if (frame.deviceId() == null || frame.sequence() == null) {
            return "returned a frame with a missing device id or sequence";
        }
        if (frame.deviceId().isPresent() && frame.deviceId().get().isBlank()) {
            return "returned a blank device id";
        }
        if (anyBlank(frame.channels().keySet()) || anyBlank(frame.texts().keySet())) {
            return "returned a field with a blank name";
        }
        return null;
    }

    /** A loop, not a stream: it runs for every decoded datagram. */
    private static boolean anyBlank(Set<String> names) {
        for (String name : names) {
            if (name.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static Outcome decoded(RawDatagram raw, String decoderName, DecodedFrame frame) {
        String deviceId = frame.deviceId().orElseGet(() -> Endpoints.of(raw.source()));
        Sample sample = new Sample(deviceId, raw.source(), raw.receivedAt(), decoderName, frame.sequence(),
                frame.channels(), frame.texts(), raw.payload().length);
        return new Outcome(new Datagram(raw.source(), raw.receivedAt(), raw.payload(), ""), Optional.of(sample),
                Optional.empty());
    }

    private static Outcome raw(RawDatagram raw, String problem, Fault fault) {
        return new Outcome(new Datagram(raw.source(), raw.receivedAt(), raw.payload(), problem), Optional.empty(),
                Optional.ofNullable(fault));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String reason(String decoderName, String text) {
        String reason = decoderName + ": " + text.replace('\n', ' ').replace('\r', ' ');
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
