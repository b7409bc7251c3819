package io.fieldbench.bridge.internal;

import java.util.Optional;

/**
 * The bridge's topic tree, {@code <prefix>/<site>/…}: one place that writes and reads it.
 * <pre>
 * &lt;prefix&gt;/&lt;site&gt;/status                  retained: the bench online or offline (offline is its last will)
 * &lt;prefix&gt;/&lt;site&gt;/samples                 sample batches, each with a sequence number
 * &lt;prefix&gt;/&lt;site&gt;/datagrams               raw datagram batches (with publish.datagrams), numbered too
 * &lt;prefix&gt;/&lt;site&gt;/device/&lt;device&gt;/status   retained: one device online or offline
 * &lt;prefix&gt;/&lt;site&gt;/command                 downlink commands for this site's devices (never retained)
 * &lt;prefix&gt;/&lt;site&gt;/reply                   results of the commands this site sent
 * </pre>
 * A device id becomes one topic level with {@code %}, {@code /}, {@code +} and {@code #}
 * percent-escaped.
 */
final class Topics {

    static final String STATUS = "status";
    static final String SAMPLES = "samples";
    static final String DATAGRAMS = "datagrams";
    static final String DEVICE = "device";
    static final String COMMAND = "command";
    static final String REPLY = "reply";

    /** A topic read back: the site it belongs to, its kind, and the device for device topics. */
    record Parsed(String site, String kind, String device) {
    }

    private final String prefix;

    Topics(String prefix) {
        this.prefix = prefix;
    }

    String of(String site, String kind) {
        return prefix + "/" + site + "/" + kind;
    }

    String deviceStatus(String site, String device) {
        return prefix + "/" + site + "/" + DEVICE + "/" + escape(device) + "/" + STATUS;
    }

    /** Every topic a watching bench reads of a site ({@code +}: of every site). */
    String everything(String site) {
        return prefix + "/" + site + "/#";
    }

    /** Takes a topic apart, if it is one of ours. */
    Optional<Parsed> parse(String topic) {
        if (!topic.startsWith(prefix + "/")) {
            return Optional.empty();
        }
        String[] levels = topic.substring(prefix.length() + 1).split("/", -1);
        if (levels.length == 2) {
            return Optional.of(new Parsed(levels[0], levels[1], ""));
        }
        if (levels.length == 4 && DEVICE.equals(levels[1]) && STATUS.equals(levels[3])) {
            return Optional.of(new Parsed(levels[0], DEVICE, unescape(levels[2])));
        }
        return Optional.empty();
    }

    static String escape(String level) {
        StringBuilder out = new StringBuilder(level.length());
        for (char c : level.toCharArray()) {
            switch (c) {
                case '%' -> out.append("%25");
                case '/' -> out.append("%2F");
                case '+' -> out.append("%2B");
                case '#' -> out.append("%23");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String level) {
        return level.replace("%2F", "/").replace("%2B", "+").replace("%23", "#").replace("%25", "%");
    }
}
