package io.fieldbench.decoder.support;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Optional;

import io.fieldbench.api.decoder.DecodedFrame;

/** Checked settings that read datagrams: the three answers of {@code Decoder.decode}, without the name. */
@FunctionalInterface
public interface FrameReader {

    Optional<DecodedFrame> decode(ByteBuffer payload, Charset charset);
}
