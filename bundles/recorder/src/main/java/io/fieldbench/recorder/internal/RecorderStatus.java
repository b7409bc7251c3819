package io.fieldbench.recorder.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * What the recorder does, at one moment.
 *
 * @param enabled         whether it records
 * @param datagrams       whether it records raw datagrams too
 * @param folder          where
 * @param flushMillis     the flush interval
 * @param samplesWritten  samples written since the start
 * @param datagramsWritten datagrams written since the start
 * @param queued          items waiting for the writer
 * @param capacity        items the queue holds at most
 * @param droppedFull     items dropped because the queue was full
 * @param droppedFailed   items dropped because writing failed
 * @param replaySkipped   replayed samples not recorded again
 * @param problem         why writing fails now; empty while it works
 * @param files           the files being written, with their sizes
 */
public record RecorderStatus(boolean enabled, boolean datagrams, Path folder, long flushMillis, long samplesWritten,
        long datagramsWritten, long queued, long capacity, long droppedFull, long droppedFailed, long replaySkipped,
        String problem, List<RecordingWriter.FileState> files) {

    /** The state in a word: recording, off or failing. */
    public String state() {
        return !problem.isEmpty() ? "FAILING" : enabled ? "recording" : "off";
    }

    /** Lines for the console. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(state()).append(" to ").append(folder).append(datagrams ? " (samples and datagrams)" : " (samples)")
                .append(", flush every ").append(flushMillis).append(" ms\n");
        if (!problem.isEmpty()) {
            text.append("problem: ").append(problem).append('\n');
        }
        text.append("written: ").append(samplesWritten).append(" samples, ").append(datagramsWritten).append(" datagrams\n");
        text.append("queue: ").append(queued).append(" of ").append(capacity).append('\n');
        text.append("dropped: ").append(droppedFull + droppedFailed).append(" (queue full ").append(droppedFull)
                .append(", write failed ").append(droppedFailed).append(")\n");
        text.append("replayed, not recorded: ").append(replaySkipped).append('\n');
        for (RecordingWriter.FileState file : files) {
            text.append("file: ").append(file.path().getFileName()).append(' ').append(file.bytes()).append(" bytes\n");
        }
        return text.toString().stripTrailing();
    }
}
