package io.fieldbench.files.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.fieldbench.api.sample.Endpoints;

/** The file service's settings, {@code etc/io.fieldbench.files.cfg}; the defaults are the ones here. */
@ObjectClassDefinition(name = "File service", description = "Sends files of the shared folder to clients that name them over TCP")
public @interface FilesConfig {

    @AttributeDefinition(name = "Enabled", description = "Listen when the bench starts. files:start, files:stop and the"
            + " Files view switch it for the moment only")
    boolean enabled() default true;

    @AttributeDefinition(name = "Bind address", description = "0.0.0.0: every IPv4 interface; :: every IPv6 and IPv4"
            + " interface; 127.0.0.1 or ::1: this machine only")
    String bind_address() default "0.0.0.0";

    @AttributeDefinition(name = "Port", description = "The TCP port clients connect to; 0 lets the system choose one",
            min = "0", max = "" + Endpoints.MAX_PORT)
    int port() default 7890;

    @AttributeDefinition(name = "Shared folder", description = "Only files inside this folder are sent; it is created if"
            + " missing. ${fieldbench.data} and ${fieldbench.home} stand for the bench's folders; a relative path is"
            + " relative to the bench's home")
    String shared_folder() default FilesSettings.DEFAULT_FOLDER;

    @AttributeDefinition(name = "Largest file (bytes)", description = "Larger files are refused", min = "0")
    long max_file_bytes() default 1L << 30;

    @AttributeDefinition(name = "Error line", description = "false: a refused name gets the connection reset with nothing"
            + " sent (a client sees 'connection reset', while an empty file ends normally); true: one line"
            + " 'ERROR <reason>' first, then a normal close")
    boolean error_line() default false;

    @AttributeDefinition(name = "Request timeout (s)", description = "A client that has not sent a name by then is"
            + " disconnected: long enough for a person typing the name after connecting (the Python tutorial's client),"
            + " short enough that idle connections cannot pile up; 0: never", min = "0")
    int request_timeout_seconds() default FilesSettings.DEFAULT_REQUEST_TIMEOUT_SECONDS;

    @AttributeDefinition(name = "Longest name (bytes)", description = "Longer names are refused", min = "1")
    int max_name_bytes() default 1024;
}
