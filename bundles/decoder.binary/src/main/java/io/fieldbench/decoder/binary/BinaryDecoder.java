package io.fieldbench.decoder.binary;

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
 * The {@code binary} decoder: fixed frames read by a layout declared in configuration, so that a
 * fixed-frame device needs no code. See {@link LayoutParser} for the field list.
 * <p>
 * The layout is parsed and checked when the configuration changes, never per datagram. A layout
 * that is not usable is one error line in the log, and the decoder then takes no datagram until it
 * is fixed; with no fields configured (the default) it takes none either.
 * <p>
 * It ranks last when the collector tries every decoder, because a layout without a magic or a
 * frame length reads any datagram that is long enough.
 */
@Component(configurationPid = BinaryDecoder.PID, service = Decoder.class,
        property = Constants.SERVICE_RANKING + ":Integer=" + BinaryDecoder.RANKING)
@Designate(ocd = BinaryDecoder.Config.class)
public class BinaryDecoder extends ConfiguredDecoder<BinaryDecoder.Config> {

    public static final String PID = "io.fieldbench.decoder.binary";
    static final String NAME = "binary";
    static final int RANKING = 100;

    @ObjectClassDefinition(name = "Binary decoder",
            description = "Decodes fixed binary frames by a field layout: name:type@offset[:BE|:LE][*scale], ...")
    public @interface Config {

        @AttributeDefinition(name = "Fields", required = false,
                description = "The layout, such as id:u32@0, seq:u16@4, temp:i16@6:LE*0.01, volt:f32@8. Types u8..u64, "
                        + "i8..i64, f32, f64, strN (text), hexN (hex digits); offsets from the frame's first byte. Empty: off")
        String fields() default "";

        @AttributeDefinition(name = "Device id field", required = false,
                description = "The field whose value names the device (an integer, str or hex field)")
        String id_field() default "";

        @AttributeDefinition(name = "Sequence field", required = false,
                description = "The integer field that is the frame's sequence number, for counting lost frames")
        String sequence_field() default "";

        @AttributeDefinition(name = "Byte order", description = "Of number fields that do not say :BE or :LE",
                options = { @Option(label = "Big endian (network order)", value = "BE"),
                        @Option(label = "Little endian", value = "LE") })
        String byte_order() default "BE";

        @AttributeDefinition(name = "Frame length", min = "0", max = "65507",
                description = "The exact length of a frame in bytes; 0: any length that holds every field")
        int frame_length() default 0;

        @AttributeDefinition(name = "Magic", required = false,
                description = "Hex bytes every frame starts with, such as A55A; frames without them are not this layout's")
        String magic() default "";
    }

    public BinaryDecoder() {
        super(NAME, PID, "Binary decoder: the layout in {} is not usable, so it decodes nothing until it is fixed: {}");
    }

    @Activate
    @Modified
    void configure(Config config) {
        apply(config);
    }

    /** A usable layout is one info line, so that the operator sees what the decoder now reads. */
    @Override
    protected Optional<FrameReader> check(Config config) {
        Optional<BinaryLayout> parsed = LayoutParser.parse(config);
        parsed.ifPresentOrElse(fields -> log.info("Binary decoder reads {}", fields.describe()),
                () -> log.info("Binary decoder is off: {} sets no fields", PID));
        return parsed.map(fields -> fields::decode);
    }
}
