package io.fieldbench.udp.ui;

import java.util.Arrays;

import io.fieldbench.api.sample.Datagram;

/**
 * One row of the traffic log: a datagram's time, sender, length, problem and its first
 * {@value #SHOWN_BYTES} bytes; a row never holds a 64 KiB datagram. Made on the event thread; its
 * rendering is cached on the EDT for the format last asked.
 */
final class TrafficEntry {

    /** Bytes of a datagram the log keeps and shows. */
    static final int SHOWN_BYTES = 256;

    private final long time;
    private final String source;
    private final int length;
    private final byte[] head;
    private final String problem;
    private PayloadFormat renderedFor;
    private String rendered;

    TrafficEntry(long time, String source, int length, byte[] head, String problem) {
        this.time = time;
        this.source = source;
        this.length = length;
        this.head = head;
        this.problem = problem;
    }

    static TrafficEntry of(Datagram datagram) {
        byte[] payload = datagram.payload();
        return new TrafficEntry(datagram.receivedAt().toEpochMilli(), datagram.endpoint(), payload.length,
                Arrays.copyOf(payload, Math.min(payload.length, SHOWN_BYTES)), datagram.problem());
    }

    long time() {
        return time;
    }

    String source() {
        return source;
    }

    int length() {
        return length;
    }

    String problem() {
        return problem;
    }

    /** The bytes as this format shows them; EDT only. */
    String shown(PayloadFormat format) {
        if (!format.equals(renderedFor)) {
            rendered = format.render(head, length);
            renderedFor = format;
        }
        return rendered;
    }
}
