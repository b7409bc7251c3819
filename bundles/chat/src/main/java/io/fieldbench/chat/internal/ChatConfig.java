package io.fieldbench.chat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import io.fieldbench.api.sample.Endpoints;

/** The chat server's settings, {@code etc/io.fieldbench.chat.cfg}; the defaults are the ones here. */
@ObjectClassDefinition(name = "TCP chat server", description = "Many TCP clients at once: read them, answer one or all")
public @interface ChatConfig {

    @AttributeDefinition(name = "Enabled", description = "Listen when the bench starts. chat:start, chat:stop and the"
            + " Chat view's Listen and Stop switch it for the moment only")
    boolean enabled() default true;

    @AttributeDefinition(name = "Bind address", description = "0.0.0.0: every IPv4 interface; :: every IPv6 and IPv4"
            + " interface; 127.0.0.1 or ::1: this machine only")
    String bind_address() default "0.0.0.0";

    @AttributeDefinition(name = "Port", description = "The TCP port clients connect to; 0 lets the system choose one",
            min = "0", max = "" + Endpoints.MAX_PORT)
    int port() default 8080;

    @AttributeDefinition(name = "Framing", description = "How a client's bytes are cut into messages", options = {
            @Option(label = "raw: as the bytes arrive", value = "raw"),
            @Option(label = "line: LF or CRLF", value = "line"),
            @Option(label = "length: big-endian length prefix", value = "length") })
    String framing() default "raw";

    @AttributeDefinition(name = "Maximum line length", description = "With line framing: a longer line is cut off and"
            + " reported", min = "1")
    int max_line_length() default ChatSettings.DEFAULT_MAX_LINE;

    @AttributeDefinition(name = "Length prefix (bytes)", description = "With length framing: 2 or 4 bytes, big-endian",
            options = {@Option(label = "2", value = "2"), @Option(label = "4", value = "4") })
    int length_prefix_bytes() default 2;

    @AttributeDefinition(name = "Encoding", description = "How text from and to clients is encoded: UTF-8, GBK,"
            + " GB18030 or any Java charset name")
    String charset() default "UTF-8";

    @AttributeDefinition(name = "Idle timeout (s)", description = "A client that neither sends nor receives for this"
            + " long is disconnected; 0: never", min = "0")
    int idle_timeout_seconds() default 300;

    @AttributeDefinition(name = "Message timeout (s)", description = "With line or length framing: a client that has"
            + " begun a message and not finished it within this long is disconnected (slowloris); 0: never", min = "0")
    int frame_timeout_seconds() default 30;

    @AttributeDefinition(name = "Maximum clients", description = "Connections beyond this are closed at once", min = "1")
    int max_clients() default 20_000;

    @AttributeDefinition(name = "Outbound limit (bytes)", description = "Bytes waiting to be sent to one client; a"
            + " client that does not read past this is disconnected so that it cannot slow the others", min = "1024")
    int outbound_limit_bytes() default 1024 * 1024;

    @AttributeDefinition(name = "Echo", description = "Send each message back to the client that sent it, framed as"
            + " the framing says: for testing a client, and for the chat benchmark")
    boolean echo() default false;

    @AttributeDefinition(name = "Greeting", description = "Sent to each client as it connects, in the server's encoding"
            + " (the TCP tutorial's server says 你好); hex:48 69 for bytes; empty: none")
    String greeting() default "";
}
