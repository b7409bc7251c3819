package io.fieldbench.decoder.support;

import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.log.Logger;

/**
 * A decoder's settings, checked when its configuration changes and never per datagram.
 * <p>
 * Settings that are not usable are one error line in the log, and the decoder then declines every
 * datagram until they are fixed: an exception out of activate would leave the component
 * unsatisfied with the reason buried in SCR's log, and a decode error per datagram would repeat
 * one configuration mistake for every frame.
 * <p>
 * {@link ConfiguredDecoder} holds one; it is a class of its own so that the rule is tested without
 * a component.
 *
 * @param <C> the component's configuration annotation
 * @param <F> the checked settings, which read datagrams
 */
public final class CheckedSettings<C, F> {

    private final String pid;
    private final Function<C, Optional<F>> check;
    private final String unusable;

    private volatile Optional<F> inForce = Optional.empty();

    /**
     * @param pid      the configuration's pid, which the error line names
     * @param check    reads a configuration: the settings, empty when they turn the decoder off, or
     *                 an {@link IllegalArgumentException} saying what is wrong
     * @param unusable the error line, with a {@code {}} for the pid and one for what is wrong
     */
    public CheckedSettings(String pid, Function<C, Optional<F>> check, String unusable) {
        this.pid = pid;
        this.check = check;
        this.unusable = unusable;
    }

    /** Puts a configuration in force, or turns the decoder off with one error line when it is not usable. */
    public void configure(C config, Logger log) {
        try {
            inForce = check.apply(config);
        } catch (IllegalArgumentException notUsable) {
            inForce = Optional.empty();
            log.error(unusable, pid, notUsable.getMessage());
        }
    }

    /** The settings in force; empty while the decoder is off. Any thread. */
    public Optional<F> inForce() {
        return inForce;
    }
}
