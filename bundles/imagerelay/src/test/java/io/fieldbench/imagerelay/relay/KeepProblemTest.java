package io.fieldbench.imagerelay.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

import org.junit.jupiter.api.Test;

/** A flood of images that cannot be kept is told once per kind of failure, and its end once. */
class KeepProblemTest {

    private final KeepProblem problem = new KeepProblem();

    @Test
    void eachKindIsToldOnceUntilAnImageIsKept() {
        assertEquals(0, problem.kept(), "no problem: nothing to tell");
        assertTrue(problem.failed("permission denied"));
        assertFalse(problem.failed("permission denied"));
        assertFalse(problem.failed("permission denied"));
        assertTrue(problem.failed("No space left on device"), "another kind is told");
        assertEquals(4, problem.kept());
        assertTrue(problem.failed("permission denied"), "after images were kept again, a new failure is told");
    }

    @Test
    void theReasonLeavesOutTheFileSoEveryImageOfAFloodGivesTheSame() {
        assertEquals("permission denied", KeepProblem.reason(new AccessDeniedException("/images/.incoming-1")));
        assertEquals("Not a directory", KeepProblem.reason(new FileSystemException("/images/.incoming-2", null,
                "Not a directory")));
        assertEquals("No space left on device", KeepProblem.reason(new IOException("No space left on device")));
    }
}
