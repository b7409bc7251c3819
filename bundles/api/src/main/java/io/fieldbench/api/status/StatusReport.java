package io.fieldbench.api.status;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's part of {@code fb:status}: registered as a service, asked each time the command runs.
 * Must answer quickly and from any thread: no I/O, no waiting on the module's own threads.
 */
@ConsumerType
public interface StatusReport {

    /** A short label for the lines, e.g. "image relay". */
    String title();

    /** The lines to show, without the title; the first says whether the module runs and where. */
    List<String> lines();
}
