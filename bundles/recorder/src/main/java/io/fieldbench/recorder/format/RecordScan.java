package io.fieldbench.recorder.format;

/**
 * What reading a file found: how many whole records, up to which byte they are valid, and why
 * reading stopped before the end (empty when it reached the end cleanly).
 *
 * @param records    whole records with a matching CRC
 * @param validBytes the offset just after the last good record (the header size for an empty file)
 * @param fileBytes  the file's size when it was read
 * @param problem    why the rest is unreadable: a torn tail, a CRC mismatch, a bad header; empty when clean
 */
public record RecordScan(long records, long validBytes, long fileBytes, String problem) {

    /** Whether the file ends with its last good record. */
    public boolean clean() {
        return problem.isEmpty() && validBytes == fileBytes;
    }
}
