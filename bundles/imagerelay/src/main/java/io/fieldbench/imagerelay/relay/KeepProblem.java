package io.fieldbench.imagerelay.relay;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Images the relay could not keep since it last kept one: a full disk or a folder that became
 * read-only fails every upload alike, so each kind of failure is told once, not once per image.
 * Thread-safe.
 */
final class KeepProblem {

    private String told = "";
    private long refused;

    /** Counts an image not kept for this reason; whether the reason is new and must be told. */
    synchronized boolean failed(String why) {
        refused++;
        if (why.equals(told)) {
            return false;
        }
        told = why;
        return true;
    }

    /** Ends the problem, as an image was kept: how many were refused while it lasted, or 0 when there was none. */
    synchronized long kept() {
        long during = refused;
        told = "";
        refused = 0;
        return during;
    }

    /** Why a file could not be written, without its name: the same for every image of a flood. */
    static String reason(Exception failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof NoSuchFileException) {
            return "the folder is gone";
        }
        if (failure instanceof FileSystemException file && file.getReason() != null) {
            return file.getReason();
        }
        return String.valueOf(failure.getMessage());
    }
}
