package io.fieldbench.recorder.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.SwingUtilities;

import io.fieldbench.recorder.format.RecordingFile;
import io.fieldbench.recorder.format.RecordingSummary;
import io.fieldbench.recorder.format.Recordings;
import io.fieldbench.support.DaemonThreads;

/**
 * Follows the recordings folder on a thread of its own, never the EDT: every {@value #POLL_MILLIS}
 * ms it lists the folder and brings each file's summary up to date, reading only what a growing
 * file gained, and hands the summaries to the EDT when a file came, went or changed. Polled rather
 * than told by the recorder, so files that another bench or a copy puts in the folder show too.
 */
final class RecordingsWatch {

    /** As often as the recorder flushes by default: a new record shows within about two seconds. */
    static final long POLL_MILLIS = 1000;

    private final Supplier<Recordings> recordings;
    private final Consumer<List<RecordingSummary>> show;
    private final Consumer<String> problem;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("fieldbench-recordings-view"));
    /** The summaries last shown, by file; only on the watch thread. */
    private Map<Path, RecordingSummary> known = Map.of();

    /**
     * @param show    takes the summaries, on the EDT
     * @param problem takes why the folder cannot be read, on the EDT
     */
    RecordingsWatch(Supplier<Recordings> recordings, Consumer<List<RecordingSummary>> show, Consumer<String> problem) {
        this.recordings = recordings;
        this.show = show;
        this.problem = problem;
    }

    void start() {
        thread.scheduleWithFixedDelay(this::look, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        thread.shutdownNow();
    }

    private void look() {
        try {
            Map<Path, RecordingSummary> now = new LinkedHashMap<>();
            for (RecordingFile file : recordings.get().files()) {
                RecordingSummary before = known.get(file.path());
                now.put(file.path(), before == null ? RecordingSummary.of(file, ZoneId.systemDefault()) : before.updated());
            }
            if (!now.equals(known)) {
                known = now;
                List<RecordingSummary> summaries = List.copyOf(now.values());
                SwingUtilities.invokeLater(() -> show.accept(summaries));
            }
        } catch (IOException | UncheckedIOException e) {
            // a file deleted or the folder unreadable for a moment: said, and the next look tries again
            known = Map.of();
            String why = e.getMessage();
            SwingUtilities.invokeLater(() -> problem.accept(why));
        }
    }
}
