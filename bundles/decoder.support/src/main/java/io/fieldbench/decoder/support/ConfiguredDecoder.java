package io.fieldbench.decoder.support;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Optional;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.fieldbench.api.decoder.DecodedFrame;
import io.fieldbench.api.decoder.Decoder;

/**
 * A shipped decoder whose datagrams are read by {@link CheckedSettings}: the logger, the settings in
 * force and the two {@link Decoder} methods, so that each decoder keeps only what is its own.
 * <p>
 * The component still declares its {@code @Activate @Modified} method, taking its configuration
 * annotation and handing it to {@link #apply}: SCR builds the configuration from the parameter's
 * declared type, which a type variable here would erase. The logger reference is declared here, so
 * the decoder's bnd.bnd sets {@code -dsannotations-options: inherit}.
 *
 * @param <C> the component's configuration annotation
 */
public abstract class ConfiguredDecoder<C> implements Decoder {

    @Reference(service = LoggerFactory.class)
    protected Logger log;

    private final String name;
    private final CheckedSettings<C, FrameReader> settings;

    /**
     * @param name     what users choose the decoder by
     * @param pid      the configuration's pid, which the error line names
     * @param unusable the error line for settings that are not usable, with a {@code {}} for the pid
     *                 and one for what is wrong
     */
    protected ConfiguredDecoder(String name, String pid, String unusable) {
        this.name = name;
        this.settings = new CheckedSettings<>(pid, this::check, unusable);
    }

    /**
     * Reads a configuration: the reader, empty when the settings turn the decoder off, or an
     * {@link IllegalArgumentException} saying what is wrong. Called on SCR's thread, after the
     * logger is set.
     */
    protected abstract Optional<FrameReader> check(C config);

    /** Puts a configuration in force, or turns the decoder off with one error line when it is not usable. */
    protected final void apply(C config) {
        settings.configure(config, log);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Optional<DecodedFrame> decode(ByteBuffer payload, Charset charset) {
        return settings.inForce().flatMap(reader -> reader.decode(payload, charset));
    }
}
