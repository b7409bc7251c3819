package io.fieldbench.launcher;

/** Bad start-up input: its message is the one line the user reads, naming the thing and what to do. */
final class StartupException extends Exception {

    private static final long serialVersionUID = 1L;

    StartupException(String message) {
        super(message);
    }
}
