package io.fieldbench.udp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import io.fieldbench.api.sample.Endpoints;

/** The collector's settings, {@code etc/io.fieldbench.udp.cfg}; the defaults are the ones here. */
@ObjectClassDefinition(name = "UDP collector", description = "Receives datagrams from field devices, decodes them and replies")
public @interface CollectorConfig {

    @AttributeDefinition(name = "Enabled", description = "Listen when the bench starts. udp:start, udp:stop and the"
            + " Collector view's Start and Stop switch it for the moment only")
    boolean enabled() default true;

    @AttributeDefinition(name = "Bind address", description = "0.0.0.0: every IPv4 interface; :: every IPv6 and IPv4"
            + " interface; 127.0.0.1 or ::1: this machine only")
    String bind_address() default "0.0.0.0";

    @AttributeDefinition(name = "Port", description = "The UDP port devices send to; 0 lets the system choose one",
            min = "0", max = "" + Endpoints.MAX_PORT)
    int port() default 9999;

    @AttributeDefinition(name = "Receive buffer (bytes)", description = "The socket receive buffer asked of the system"
            + " (SO_RCVBUF); bursts wait here. The system may grant less: the collector shows what it got",
            min = "65536")
    int receive_buffer() default 32 * 1024 * 1024;

    @AttributeDefinition(name = "Decoder", description = "auto: the first decoder (by service ranking) that reads the"
            + " datagram; or the name of one decoder, such as text, json or binary")
    String decoder() default CollectorSettings.AUTO;

    @AttributeDefinition(name = "Encoding", description = "How text in datagrams is encoded", options = {
            @Option(label = "UTF-8", value = "UTF-8"),
            @Option(label = "GBK", value = "GBK"),
            @Option(label = "GB18030", value = "GB18030") })
    String charset() default "UTF-8";

    @AttributeDefinition(name = "Reply", description = "What the collector sends back to the sender of each datagram",
            options = {
                    @Option(label = "none", value = "none"),
                    @Option(label = "echo: the datagram itself", value = "echo"),
                    @Option(label = "ack: the template below", value = "ack") })
    String reply() default "none";

    @AttributeDefinition(name = "Ack template", description = "The ack reply, in the chosen encoding; %s stands for the"
            + " datagram's own bytes, unchanged (echo %s answers echo and the data; without %s the reply is fixed)")
    String ack_template() default "Received:%s";

    @AttributeDefinition(name = "Keep-alives", description = "Datagrams that are only these words (any case; separated by"
            + " commas) keep their device online and are no error: the tutorials' heartbeat")
    String keepalive_patterns() default "heartbeat,ping,keepalive";
}
