package io.fieldbench.recorder.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.RecordingFile;
import io.fieldbench.recorder.internal.Recorder;
import io.fieldbench.support.DaemonThreads;

/**
 * Plays recordings back, one at a time; the console and the Recordings view drive it. Start and a
 * waiting stop hold the monitor; progress, pause and a requested stop never wait for it, so the
 * view's timer and buttons cannot stall the EDT while a replay ends.
 */
@Component(service = Replayer.class)
public final class Replayer {

    static final long STOP_WAIT_MILLIS = 5_000;

    @Reference
    private EventAdmin events;

    @Reference
    private Recorder recorder;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private volatile Replay current;
    private Thread thread;

    /**
     * Starts replaying a day ({@code 2026-11-22}: all of its sample parts), a file name in the
     * recordings folder, or a file path; stops a replay that runs.
     */
    public synchronized ReplayProgress start(String what, ReplaySpeed speed) throws IOException {
        List<RecordingFile> files = resolve(what);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no sample recording '" + what + "' in " + recorder.recordings().folder());
        }
        stop();
        current = new Replay(files, what, speed, events);
        thread = DaemonThreads.start("fieldbench-replay", current);
        log.info("Replay of {} at {} started ({} files)", what, speed, files.size());
        return current.progress();
    }

    private List<RecordingFile> resolve(String what) throws IOException {
        String name = what.trim();
        try {
            LocalDate day = LocalDate.parse(name);
            return recorder.recordings().files().stream()
                    .filter(file -> file.kind() == Kind.SAMPLES && file.day().equals(day)).toList();
        } catch (DateTimeParseException e) {
            // a file, then
        }
        Path path = Path.of(name);
        if (!Files.exists(path)) {
            path = recorder.recordings().folder().resolve(name);
        }
        Optional<RecordingFile> file = RecordingFile.parse(path);
        if (Files.isRegularFile(path) && file.isPresent() && file.get().kind() == Kind.SAMPLES) {
            return List.of(file.get());
        }
        return List.of();
    }

    public ReplayProgress pause(boolean pause) {
        Replay now = current;
        if (now != null) {
            now.pause(pause);
        }
        return progress();
    }

    /** Asks the replay that runs to stop, and returns at once: it ends within one batch. */
    public void requestStop() {
        Replay now = current;
        if (now != null) {
            now.stop();
        }
    }

    /** Stops the replay that runs, if any, and waits for it to end. */
    public synchronized ReplayProgress stop() {
        if (current != null && thread.isAlive()) {
            current.stop();
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return progress();
    }

    public ReplayProgress progress() {
        Replay now = current;
        return now == null ? ReplayProgress.IDLE : now.progress();
    }

    @Deactivate
    void deactivate() {
        stop();
    }
}
