package io.fieldbench.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One simulator run: how many devices send how fast, in which format, where, and until when.
 * A run stops at the first of its duration and its count; with neither it runs for
 * {@link #DEFAULT_DURATION}.
 *
 * @param devices  virtual devices, each from its own source port up to {@link DeviceSimulator#MAX_SOCKETS}
 * @param rate     datagrams per second from all devices together; 0 sends as fast as the socket takes them
 * @param format   the frame format
 * @param target   where the frames go
 * @param duration how long to send, if limited by time
 * @param count    how many datagrams to send in all, if limited by count
 * @param size     pad each frame to at least this many bytes; 0 for none
 */
public record SimulationPlan(int devices, long rate, FrameFormat format, Target target, Optional<Duration> duration,
        OptionalLong count, int size) {

    public static final int DEFAULT_DEVICES = 10;
    public static final long DEFAULT_RATE = 1_000;
    public static final Target DEFAULT_TARGET = new Target(Target.LOOPBACK, 9_999);
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    public static final int MAX_DEVICES = 100_000;
    public static final long MAX_RATE = 10_000_000;
    /** The largest UDP payload over IPv4. */
    public static final int MAX_SIZE = 65_507;

    public static final String USAGE = "usage: fieldbench simulate [--devices N] [--rate PER_SECOND (0: as fast as possible)]"
            + " [--format text|json|binary] [--target HOST:PORT] [--seconds S] [--count N] [--size BYTES]";

    public SimulationPlan {
        if (devices < 1 || devices > MAX_DEVICES) {
            throw new IllegalArgumentException("--devices must be 1.." + MAX_DEVICES + ", not " + devices);
        }
        if (rate < 0 || rate > MAX_RATE) {
            throw new IllegalArgumentException("--rate must be 0.." + MAX_RATE + " datagrams per second, not " + rate);
        }
        if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
            throw new IllegalArgumentException("--seconds must be more than 0");
        }
        if (count.isPresent() && count.getAsLong() < 1) {
            throw new IllegalArgumentException("--count must be at least 1, not " + count.getAsLong());
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("--size must be 0.." + MAX_SIZE + " bytes, not " + size);
        }
        if (duration.isEmpty() && count.isEmpty()) {
            duration = Optional.of(DEFAULT_DURATION);
        }
    }

    /** Reads the command line's options; the message of the exception says what is wrong in one line. */
    public static SimulationPlan parse(List<String> args) {
        int devices = DEFAULT_DEVICES;
        long rate = DEFAULT_RATE;
        FrameFormat format = FrameFormat.TEXT;
        Target target = DEFAULT_TARGET;
        Optional<Duration> duration = Optional.empty();
        OptionalLong count = OptionalLong.empty();
        int size = 0;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--devices" -> devices = (int) number(value(args, ++i, option), option, Integer.MAX_VALUE);
                case "--rate" -> rate = number(value(args, ++i, option), option, Long.MAX_VALUE);
                case "--format" -> format = FrameFormat.named(value(args, ++i, option));
                case "--target" -> target = Target.parse(value(args, ++i, option));
                case "--seconds" -> duration = Optional.of(seconds(value(args, ++i, option)));
                case "--count" -> count = OptionalLong.of(number(value(args, ++i, option), option, Long.MAX_VALUE));
                case "--size" -> size = (int) number(value(args, ++i, option), option, Integer.MAX_VALUE);
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'; " + USAGE);
            }
        }
        return new SimulationPlan(devices, rate, format, target, duration, count, size);
    }

    /** One line that says what the run does. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append(devices).append(devices == 1 ? " device, " : " devices, ")
                .append(rate == 0 ? "as fast as possible" : rate + " datagrams/s")
                .append(", ").append(format.label()).append(", to ").append(target);
        duration.ifPresent(d -> text.append(", for ").append(d.toMillis() / 1000.0).append(" s"));
        count.ifPresent(n -> text.append(duration.isPresent() ? " or " : ", ").append(n).append(" datagrams"));
        if (size > 0) {
            text.append(", at least ").append(size).append(" bytes each");
        }
        return text.toString();
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value; " + USAGE);
        }
        return args.get(index);
    }

    private static long number(String text, String option, long max) {
        try {
            long value = Long.parseLong(text.trim().replace("_", ""));
            if (value > max) {
                throw new IllegalArgumentException(option + " " + text + " is too large");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + text + "'");
        }
    }

    private static Duration seconds(String text) {
        try {
            double seconds = Double.parseDouble(text.trim());
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("--seconds must be more than 0, not " + text);
            }
            return Duration.ofNanos(Math.round(seconds * 1e9));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seconds needs a number of seconds, not '" + text + "'");
        }
    }
}
