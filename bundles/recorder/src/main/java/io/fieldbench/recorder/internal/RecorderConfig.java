package io.fieldbench.recorder.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The recorder's settings, {@code etc/io.fieldbench.recorder.cfg}; the defaults are the ones here. */
@ObjectClassDefinition(name = "Recorder", description = "Records every decoded sample (and optionally every datagram) to disk")
public @interface RecorderConfig {

    @AttributeDefinition(name = "Enabled", description = "Record what arrives. Off: nothing is written; export and replay still work")
    boolean enabled() default true;

    @AttributeDefinition(name = "Record datagrams", description = "Also record every raw datagram with its source, in datagrams-DAY.fbr")
    boolean record_datagrams() default false;

    @AttributeDefinition(name = "Flush interval (ms)", min = "10", description = "Written data reaches the operating system at"
            + " least this often: after a crash (kill -9) everything older than this is in the files")
    int flush_interval_ms() default 1000;

    @AttributeDefinition(name = "Sync to disk", description = "Also force each flush to the disk (fsync): survives a power cut,"
            + " costs a disk sync per flush")
    boolean sync() default false;

    @AttributeDefinition(name = "Queue capacity (samples)", min = "1000", description = "Samples and datagrams waiting for the"
            + " writer at most; beyond it they are dropped, counted and reported. 2 million: 20 s at 100k samples/s")
    int queue_capacity() default 2_000_000;

    @AttributeDefinition(name = "Folder", description = "Where recordings go; empty: the data folder's recordings/")
    String folder() default "";
}
