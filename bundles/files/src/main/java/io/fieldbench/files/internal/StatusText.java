package io.fieldbench.files.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.fieldbench.server.support.ServerControl;

/** The file service's status and refusals as the console shows them. */
public final class StatusText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private StatusText() {
    }

    /** One line: what the service does, or why it does not listen. */
    public static String headline(FilesStatus status) {
        return ServerControl.headline(status.state(), status.endpoint(), status.problem());
    }

    /** Every line of {@code files:status}. */
    public static String of(FilesStatus status, int files, boolean more) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(status));
        lines.add("transport: " + status.transport());
        lines.add("folder:    " + status.folder() + " (" + (more ? "at least " : "") + files + " files)");
        lines.add("transfers: " + status.inProgress().size() + " in progress; " + status.served() + " served, "
                + status.failed() + " cut short, " + status.bytesSent() + " bytes sent");
        lines.add("refused:   " + status.refused());
        for (Transfer transfer : status.inProgress()) {
            lines.add(String.format(Locale.ROOT, "  sending %s to %s: %d of %d bytes", RequestedName.escaped(transfer.name()),
                    transfer.client(), transfer.sent(), transfer.size()));
        }
        return String.join("\n", lines);
    }

    /** One line per refusal: time, client, name, reason. */
    public static String refusals(List<Refusal> refusals) {
        if (refusals.isEmpty()) {
            return "no refusals";
        }
        List<String> lines = new ArrayList<>();
        for (Refusal refusal : refusals) {
            lines.add(line(refusal));
        }
        return String.join("\n", lines);
    }

    static String line(Refusal refusal) {
        return TIME.format(refusal.time()) + " " + refusal.client() + " " + refusal.name() + ": " + refusal.reason();
    }
}
