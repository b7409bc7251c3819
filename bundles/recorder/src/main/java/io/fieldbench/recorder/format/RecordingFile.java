package io.fieldbench.recorder.format;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldbench.recorder.format.RecordFormat.Kind;

/**
 * One file of the recordings folder: {@code KIND-YYYY-MM-DD.fbr}, or {@code KIND-YYYY-MM-DD.N.fbr}
 * for part N (N &ge; 2) of a day, begun when the writer found the previous part's tail torn.
 *
 * @param kind what it holds
 * @param day  the local day its records were received
 * @param part 1 for the day's first file
 * @param path where it is
 */
public record RecordingFile(Kind kind, LocalDate day, int part, Path path) {

    public static final String EXTENSION = ".fbr";
    private static final Pattern NAME = Pattern.compile("(samples|datagrams)-(\\d{4}-\\d{2}-\\d{2})(?:\\.(\\d+))?\\.fbr");

    /** In recording order: kind, day, part. */
    public static final Comparator<RecordingFile> ORDER = Comparator.comparing(RecordingFile::kind)
            .thenComparing(RecordingFile::day).thenComparingInt(RecordingFile::part);

    /** The file of this day and part in the folder. */
    public static RecordingFile of(Path folder, Kind kind, LocalDate day, int part) {
        String name = kind.fileName() + "-" + day + (part > 1 ? "." + part : "") + EXTENSION;
        return new RecordingFile(kind, day, part, folder.resolve(name));
    }

    /** The file this path names, if its name is one of a recording. */
    public static Optional<RecordingFile> parse(Path path) {
        Matcher name = NAME.matcher(path.getFileName().toString());
        if (!name.matches()) {
            return Optional.empty();
        }
        try {
            Kind kind = name.group(1).equals(Kind.SAMPLES.fileName()) ? Kind.SAMPLES : Kind.DATAGRAMS;
            int part = name.group(3) == null ? 1 : Integer.parseInt(name.group(3));
            return Optional.of(new RecordingFile(kind, LocalDate.parse(name.group(2)), part, path));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
