package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.decoder.Decoder;

class DecoderShelfTest {

    static Decoder named(String name) {
        return new Decoder() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<io.fieldbench.api.decoder.DecodedFrame> decode(java.nio.ByteBuffer payload, java.nio.charset.Charset charset) {
                return Optional.empty();
            }
        };
    }

    @Test
    void listsHighestRankingFirstThenOldest() {
        DecoderShelf shelf = new DecoderShelf();

        shelf.put(named("text"), 0, 10);
        shelf.put(named("json"), 5, 11);
        shelf.put(named("binary"), 0, 9);

        assertEquals(List.of("json", "binary", "text"), shelf.names());
    }

    @Test
    void followsRankingChangesAndRemovals() {
        DecoderShelf shelf = new DecoderShelf();
        Decoder text = named("text");
        shelf.put(text, 0, 1);
        shelf.put(named("json"), 0, 2);

        shelf.put(text, -1, 1);
        assertEquals(List.of("json", "text"), shelf.names());

        shelf.remove(2);
        assertEquals(List.of("text"), shelf.names());
    }

    @Test
    void aDecoderWhoseNameFailsIsListedByItsClass() {
        DecoderShelf shelf = new DecoderShelf();
        Decoder broken = new Decoder() {
            @Override
            public String name() {
                throw new IllegalStateException("no name");
            }

            @Override
            public Optional<io.fieldbench.api.decoder.DecodedFrame> decode(java.nio.ByteBuffer payload, java.nio.charset.Charset charset) {
                return Optional.empty();
            }
        };

        shelf.put(broken, 0, 1);

        assertEquals(List.of(broken.getClass().getName()), shelf.names());
    }
}
