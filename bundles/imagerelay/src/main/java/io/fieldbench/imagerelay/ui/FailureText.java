package io.fieldbench.imagerelay.ui;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A failed task said in one line, without the wrappers futures add around it. */
final class FailureText {

    private FailureText() {
    }

    static String of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.toString() : message.lines().findFirst().orElse(message);
    }
}
