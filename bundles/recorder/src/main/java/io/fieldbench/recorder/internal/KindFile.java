package io.fieldbench.recorder.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.fieldbench.recorder.format.RecordFileWriter;
import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.RecordingFile;

/**
 * The file one kind is being written to: the day's last part, or a new part when that one's tail is
 * torn (a crash while it was written). Rolls over when the day of the records changes.
 */
final class KindFile implements AutoCloseable {

    /** Parts tried at most for one day before giving up: more means something else is wrong. */
    static final int MAX_PARTS = 1000;

    private final Path folder;
    private final Kind kind;
    private LocalDate day;
    private RecordFileWriter writer;
    private String note = "";
    /** Records of closed files that never reached them. */
    private long discarded;

    KindFile(Path folder, Kind kind) {
        this.folder = folder;
        this.kind = kind;
    }

    /** The writer for a record of this day, opening (or rolling to) the day's file. */
    RecordFileWriter writerFor(LocalDate recordDay) throws IOException {
        if (writer != null && recordDay.equals(day)) {
            return writer;
        }
        close();
        Files.createDirectories(folder);
        int part = lastPart(recordDay);
        for (; part <= MAX_PARTS; part++) {
            try {
                writer = RecordFileWriter.open(RecordingFile.of(folder, kind, recordDay, part).path(), kind);
                day = recordDay;
                return writer;
            } catch (RecordFileWriter.TornFileException e) {
                note = "a new part was begun: " + e.getMessage();
            }
        }
        throw new IOException("no writable part of " + kind.fileName() + " for " + recordDay + " among " + MAX_PARTS);
    }

    private int lastPart(LocalDate recordDay) {
        int part = 1;
        while (Files.exists(RecordingFile.of(folder, kind, recordDay, part + 1).path())) {
            part++;
        }
        return part;
    }

    /** The open file, or null. */
    RecordFileWriter current() {
        return writer;
    }

    /** Why a new part was begun, once; empty otherwise. */
    String takeNote() {
        String taken = note;
        note = "";
        return taken;
    }

    void flush(boolean sync) throws IOException {
        if (writer != null) {
            if (sync) {
                writer.sync();
            } else {
                writer.flush();
            }
        }
    }

    /** Records of the files closed since the last call that never reached them: a flush failed. */
    long takeDiscarded() {
        long taken = discarded;
        discarded = 0;
        return taken;
    }

    /** Closes the file; after a failure, quietly: the next write opens it again (or a new part). */
    @Override
    public void close() {
        RecordFileWriter open = writer;
        writer = null;
        day = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // what was buffered is lost with the failure that is already reported, and counted
            }
            discarded += open.discardedRecords();
        }
    }
}
