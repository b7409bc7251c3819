package io.fieldbench.api.sample;

/**
 * EventAdmin topics of received data, {@code io/fieldbench/sample/<what happened>} as every topic of
 * the bench is named after its api package. Events carry batches: under load one event holds many
 * datagrams or samples, so that a fast stream is never a flood of events. Handlers must return
 * fast (hand work to their own thread).
 */
public final class SampleEvents {

    /** Decoded samples. Property {@link #SAMPLES}: {@code List<Sample>}, in receive order. */
    public static final String DECODED = "io/fieldbench/sample/DECODED";

    /** Datagrams as received, decoded or not. Property {@link #DATAGRAMS}: {@code List<Datagram>}, in receive order. */
    public static final String RECEIVED = "io/fieldbench/sample/RECEIVED";

    /** Event property: the batch of {@link Sample}s. */
    public static final String SAMPLES = "samples";

    /** Event property: the batch of {@link Datagram}s. */
    public static final String DATAGRAMS = "datagrams";

    /**
     * Event property: {@code Boolean.TRUE} when the batch is a recording played back, not live
     * data; views show it as replay. Absent on live batches.
     */
    public static final String REPLAY = "replay";

    /**
     * Event property: the name of the remote bench ({@code site}) a batch came from over the MQTT
     * bridge; its devices are named {@code site/device}. Absent on this bench's own data. A bridge
     * never publishes such a batch again, so benches never loop.
     */
    public static final String SITE = "site";

    private SampleEvents() {
    }
}
