package io.fieldbench.api.status;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The bench's console: a module that has something to tell the person at a headless bench (where
 * a phone opens the page) says it here, not on {@code System.out}. A bench with a window shows it
 * in its views instead, so nothing is printed there.
 */
@ProviderType
public interface ConsoleOutput {

    /** Prints one line on a headless bench's console; does nothing on a bench with a window. Any thread. */
    void say(String line);
}
