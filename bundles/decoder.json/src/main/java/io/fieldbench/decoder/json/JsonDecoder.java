package io.fieldbench.decoder.json;

import java.util.Optional;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.fieldbench.api.decoder.Decoder;
import io.fieldbench.decoder.support.ConfiguredDecoder;
import io.fieldbench.decoder.support.FrameReader;

/**
 * The {@code json} decoder: one JSON object per datagram. Numbers become channels, strings and
 * booleans texts, nested objects and arrays flattened names ({@code a.b}, {@code a.0}); nulls are
 * left out. The id and sequence keys (flattened names) become the frame's device id and sequence.
 * <p>
 * It ranks first of the shipped decoders when the collector tries every decoder: it takes only
 * datagrams that start with <code>{</code>, which no other shipped format does.
 */
@Component(configurationPid = JsonDecoder.PID, service = Decoder.class,
        property = Constants.SERVICE_RANKING + ":Integer=" + JsonDecoder.RANKING)
@Designate(ocd = JsonDecoder.Config.class)
public class JsonDecoder extends ConfiguredDecoder<JsonDecoder.Config> {

    public static final String PID = "io.fieldbench.decoder.json";
    static final String NAME = "json";
    static final int RANKING = 300;

    @ObjectClassDefinition(name = "JSON decoder",
            description = "Decodes one JSON object per datagram; nested names are flattened as a.b and a.0")
    public @interface Config {

        @AttributeDefinition(name = "Device id key",
                description = "The (flattened) name whose value names the device, such as id or meta.id")
        String id_key() default "id";

        @AttributeDefinition(name = "Sequence key",
                description = "The (flattened) name whose value is the frame's sequence number, for counting lost frames")
        String sequence_key() default "seq";
    }

    public JsonDecoder() {
        super(NAME, PID, "JSON decoder: settings {} are not usable, so it decodes nothing until they are fixed: {}");
    }

    @Activate
    @Modified
    void configure(Config config) {
        apply(config);
    }

    @Override
    protected Optional<FrameReader> check(Config config) {
        return Optional.of(JsonFormat.from(config)::decode);
    }
}
