package io.fieldbench.recorder.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.recorder.format.RecordFormat.Kind;

/** The recordings folder as a reader sees it: which files there are, and the samples in them. */
public final class Recordings {

    /** Takes each sample read; false stops reading. */
    @FunctionalInterface
    public interface SampleVisitor {
        boolean sample(Sample sample) throws IOException;
    }

    private final Path folder;

    public Recordings(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Every recording file in the folder, in {@link RecordingFile#ORDER}. */
    public List<RecordingFile> files() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(RecordingFile::parse).flatMap(Optional::stream).sorted(RecordingFile.ORDER).toList();
        }
    }

    /** The sample files of the days that may hold samples received in [from, to). */
    public List<RecordingFile> sampleFiles(Instant from, Instant to) throws IOException {
        ZoneId zone = ZoneId.systemDefault();
        // a day's file is named by the local day at recording time: one day of slack either side for zone changes
        LocalDate first = from.equals(Instant.MIN) ? LocalDate.MIN : from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.equals(Instant.MAX) ? LocalDate.MAX : to.atZone(zone).toLocalDate().plusDays(1);
        return files().stream().filter(file -> file.kind() == Kind.SAMPLES)
                .filter(file -> !file.day().isBefore(first) && !file.day().isAfter(last)).toList();
    }

    /**
     * Reads the samples of the files received in [from, to), file by file in order, telling
     * progress as the bytes read of all files. Torn tails end a file's reading quietly.
     */
    public static void read(List<RecordingFile> files, Instant from, Instant to, SampleVisitor visitor, LongConsumer bytesRead)
            throws IOException {
        long before = 0;
        for (RecordingFile file : files) {
            long start = before;
            boolean[] go = {true};
            try {
                RecordFileReader.read(file.path(), Kind.SAMPLES, (body, end) -> {
                    bytesRead.accept(start + end);
                    Instant at = SampleCodec.receivedAt(body);
                    if (at.isBefore(from) || !at.isBefore(to)) {
                        return true;
                    }
                    go[0] = visitor.sample(SampleCodec.decode(body));
                    return go[0];
                });
                before += Files.size(file.path());
            } catch (NoSuchFileException e) {
                continue; // deleted while listed
            }
            if (!go[0]) {
                return;
            }
        }
    }

    /** The total size of files, for progress. */
    public static long bytes(List<RecordingFile> files) {
        return files.stream().mapToLong(file -> {
            try {
                return Files.size(file.path());
            } catch (IOException e) {
                return 0;
            }
        }).sum();
    }

    /** Decodes one sample body; for tests and tools. */
    public static Sample sample(ByteBuffer body) {
        return SampleCodec.decode(body);
    }

}
