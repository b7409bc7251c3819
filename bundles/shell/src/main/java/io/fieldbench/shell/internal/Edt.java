package io.fieldbench.shell.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.swing.SwingUtilities;

/** Hands work from OSGi threads to the Swing event dispatch thread, which owns every Swing object. */
final class Edt {

    private Edt() {
    }

    /** Runs the work on the EDT and waits for it; for lifecycle steps that must finish before the bundle moves on. */
    static void runAndWait(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Computes a value on the EDT and waits for it, rethrowing what the work threw. */
    static <T> T call(Supplier<T> work) {
        if (SwingUtilities.isEventDispatchThread()) {
            return work.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(work.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Swing thread", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        return result.get();
    }
}
