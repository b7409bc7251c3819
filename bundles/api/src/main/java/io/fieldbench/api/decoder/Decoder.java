package io.fieldbench.api.decoder;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns one datagram into a {@link DecodedFrame}. Register an implementation as a service
 * (whiteboard); the collector uses it by {@link #name()}, or tries every decoder in service
 * ranking order when set to automatic and takes the first that accepts the datagram.
 * <p>
 * Called from the collector's threads, possibly several at once: keep no per-call state in fields.
 * A decoder that throws never stops the collector; the datagram is counted as a decode error with
 * the exception's message as its reason, and shown raw.
 */
@ConsumerType
public interface Decoder {

    /** A short stable name users choose the decoder by, such as {@code text}, {@code json}, {@code binary}. */
    String name();

    /**
     * Decodes one datagram.
     *
     * @param payload the datagram's bytes, from position to limit; read-only, and valid only during the call
     * @param charset the text encoding chosen for the collector (UTF-8, GBK, ...); binary formats ignore it
     * @return the frame, or empty when the bytes are not in this decoder's format at all
     * @throws IllegalArgumentException when the bytes are in this format but broken; the message is the reason shown
     */
    Optional<DecodedFrame> decode(ByteBuffer payload, Charset charset);
}
