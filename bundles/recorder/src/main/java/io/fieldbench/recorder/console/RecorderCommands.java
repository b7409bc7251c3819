package io.fieldbench.recorder.console;

import java.io.IOException;
import java.time.ZoneId;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.RecordingFile;
import io.fieldbench.recorder.format.RecordingSummary;
import io.fieldbench.recorder.internal.Recorder;
import io.fieldbench.recorder.replay.ReplaySpeed;
import io.fieldbench.recorder.replay.Replayer;

/** The {@code rec:} console commands: status, list, replay, pause, resume, stop. */
@Component(service = RecorderCommands.class, property = {
        "osgi.command.scope=rec",
        "osgi.command.function=status",
        "osgi.command.function=list",
        "osgi.command.function=replay",
        "osgi.command.function=pause",
        "osgi.command.function=resume",
        "osgi.command.function=stop" })
public class RecorderCommands {

    @Reference
    private Recorder recorder;

    @Reference
    private Replayer replayer;

    @Descriptor("what the recorder writes: state, files and sizes, samples written, queue, drops, problems, replay")
    public String status() {
        return recorder.status().text() + "\n" + replayer.progress().text();
    }

    @Descriptor("the recordings: a totals line (files, samples, datagrams, torn tails, damaged), then per file: size,"
            + " records, time span, devices (reads every file)")
    public String list() throws IOException {
        StringBuilder lines = new StringBuilder();
        long samples = 0;
        long datagrams = 0;
        int torn = 0;
        int damaged = 0;
        var files = recorder.recordings().files();
        for (RecordingFile file : files) {
            RecordingSummary summary = RecordingSummary.of(file, ZoneId.systemDefault());
            if (file.kind() == Kind.SAMPLES) {
                samples += summary.records();
            } else {
                datagrams += summary.records();
            }
            if (summary.problem().startsWith("torn")) {
                torn++;
            } else if (!summary.problem().isEmpty()) {
                damaged++;
            }
            lines.append('\n').append(summary.line());
        }
        return files.size() + " files, " + samples + " samples, " + datagrams + " datagrams, " + torn + " torn tails, "
                + damaged + " damaged in " + recorder.recordings().folder() + lines;
    }

    @Descriptor("plays a recording back as live samples marked replay; stops a replay that runs")
    public String replay(
            @Descriptor("1, 10 or max") @Parameter(names = "--speed", absentValue = "1") String speed,
            @Descriptor("a day (2026-11-22), a file name in the recordings folder or a path") String what) {
        try {
            return replayer.start(what, ReplaySpeed.parse(speed)).text();
        } catch (IllegalArgumentException | IOException e) {
            return "error: " + e.getMessage();
        }
    }

    @Descriptor("pauses the replay")
    public String pause() {
        return replayer.pause(true).text();
    }

    @Descriptor("resumes the paused replay")
    public String resume() {
        return replayer.pause(false).text();
    }

    @Descriptor("stops the replay")
    public String stop() {
        return replayer.stop().text();
    }

}
