package io.fieldbench.udp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.fieldbench.server.support.ServerControl;
import io.fieldbench.support.ByteSize;
import io.fieldbench.udp.internal.CollectorCounters.Totals;

/** The collector's status as the console shows it: a headline, then one line per topic. */
public final class StatusText {

    private StatusText() {
    }

    /** One line: what the collector does, or why it does not listen. */
    public static String headline(CollectorStatus status) {
        return ServerControl.headline(status.state(), status.endpoint(), status.problem());
    }

    /** Every line of {@code udp:status}. */
    public static String of(CollectorStatus status) {
        Totals totals = status.totals();
        CollectorSettings settings = status.settings();
        List<String> lines = new ArrayList<>();
        lines.add(headline(status));
        lines.add(String.format(Locale.ROOT, "received:  %d datagrams, %d bytes; %.0f datagrams/s, %s/s", totals.datagrams(),
                totals.bytes(), status.datagramRate(), ByteSize.of(status.byteRate())));
        lines.add("dropped:   " + totals.queueDrops() + " in the queue, " + kernel(totals.kernelDrops()) + "; "
                + totals.decodeErrors() + " decode errors; " + totals.replyFailures() + " replies failed");
        lines.add("buffer:    " + (status.running() ? status.grantedBuffer() + " bytes granted, " : "")
                + status.askedBuffer() + " asked");
        lines.add("transport: " + status.transport());
        lines.add("decoding:  " + settings.decoder() + " " + (status.decoders().isEmpty() ? "(no decoder installed)"
                : "(" + String.join(", ", status.decoders()) + ")") + ", " + settings.charset().name() + "; reply "
                + settings.reply().setting() + (settings.reply() == ReplyMode.ACK ? " \"" + settings.ackTemplate() + "\"" : ""));
        settings.problems().forEach(p -> lines.add("setting:   " + p));
        return String.join("\n", lines);
    }

    private static String kernel(long drops) {
        return drops < 0 ? "unknown by the kernel" : drops + " by the kernel";
    }
}
