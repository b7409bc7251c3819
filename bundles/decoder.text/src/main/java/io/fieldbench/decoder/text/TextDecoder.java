package io.fieldbench.decoder.text;

import java.util.Optional;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import io.fieldbench.api.decoder.Decoder;
import io.fieldbench.decoder.support.ConfiguredDecoder;
import io.fieldbench.decoder.support.FrameReader;

/**
 * The {@code text} decoder: {@code key=value} lines, and CSV lines whose columns the configuration
 * names. Numbers become channels, everything else texts; the id and sequence keys become the
 * frame's device id and sequence number.
 * <p>
 * Its service ranking puts it after {@code json} and before {@code binary} when the collector
 * tries every decoder: json takes objects first, and this one declines bytes that are binary, so
 * that a binary layout still gets its frames.
 */
@Component(configurationPid = TextDecoder.PID, service = Decoder.class,
        property = Constants.SERVICE_RANKING + ":Integer=" + TextDecoder.RANKING)
@Designate(ocd = TextDecoder.Config.class)
public class TextDecoder extends ConfiguredDecoder<TextDecoder.Config> {

    public static final String PID = "io.fieldbench.decoder.text";
    static final String NAME = "text";
    static final int RANKING = 200;

    @ObjectClassDefinition(name = "Text decoder",
            description = "Decodes key=value lines (id=dev42,seq=17,temp=21.5) and CSV lines with named columns")
    public @interface Config {

        @AttributeDefinition(name = "Device id key", description = "The key whose value names the device")
        String id_key() default "id";

        @AttributeDefinition(name = "Sequence key",
                description = "The key whose value is the frame's sequence number, for counting lost frames")
        String sequence_key() default "seq";

        @AttributeDefinition(name = "CSV columns", required = false,
                description = "Names of the values of a line without '=', in order, comma-separated (id,seq,temp,hum); empty: no CSV")
        String csv_columns() default "";

        @AttributeDefinition(name = "Invalid bytes",
                description = "Bytes that are invalid in the collector's encoding: reject the datagram (a decode error naming "
                        + "the byte offset), or replace them with U+FFFD and decode the rest",
                options = { @Option(label = "Reject", value = "reject"), @Option(label = "Replace", value = "replace") })
        String invalid_bytes() default "reject";
    }

    public TextDecoder() {
        super(NAME, PID, "Text decoder: settings {} are not usable, so it decodes nothing until they are fixed: {}");
    }

    @Activate
    @Modified
    void configure(Config config) {
        apply(config);
    }

    @Override
    protected Optional<FrameReader> check(Config config) {
        return Optional.of(TextFormat.from(config)::decode);
    }
}
