package io.fieldbench.imagerelay.format;

/** Bytes the relay does not take as an image; the message is the one-line reason for the sender and the log. */
public final class NotAnImageException extends Exception {

    private static final long serialVersionUID = 1L;

    NotAnImageException(String reason) {
        super(reason);
    }
}
