package io.fieldbench.udp.internal;

import java.util.List;

import io.fieldbench.server.support.ServerControl.State;
import io.fieldbench.udp.internal.CollectorCounters.Totals;

/**
 * The collector at one moment, for the console and the view.
 *
 * @param state          what it does now
 * @param endpoint       where it listens ({@code host:port}) when running, else where it is set to listen
 * @param problem        why it is not running when it should, in one line; empty when there is none
 * @param askedBuffer    the receive buffer asked for, in bytes
 * @param grantedBuffer  the receive buffer the kernel granted, in bytes; 0 when not running
 * @param transport      how the socket is read: epoll or NIO, and why not epoll
 * @param totals         the counts since the collector was activated
 * @param datagramRate   datagrams per second over the last second
 * @param byteRate       bytes per second over the last second
 * @param settings       the settings in force
 * @param decoders       the decoders present, highest ranking first
 */
public record CollectorStatus(State state, String endpoint, String problem, int askedBuffer, int grantedBuffer,
        String transport, Totals totals, double datagramRate, double byteRate, CollectorSettings settings, List<String> decoders) {

    public CollectorStatus {
        decoders = List.copyOf(decoders);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
