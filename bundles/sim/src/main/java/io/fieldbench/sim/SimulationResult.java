package io.fieldbench.sim;

/**
 * What a simulator run did.
 *
 * @param sent         datagrams handed to the sockets
 * @param failed       datagrams the sockets refused
 * @param elapsedNanos from the first datagram to the end
 * @param sockets      source ports used (one per device up to {@link DeviceSimulator#MAX_SOCKETS})
 * @param problem      the latest send failure, or empty
 */
public record SimulationResult(long sent, long failed, long elapsedNanos, int sockets, String problem) {

    private static final double NANOS_PER_SECOND = 1e9;

    public double elapsedSeconds() {
        return elapsedNanos / NANOS_PER_SECOND;
    }

    /** Datagrams per second achieved. */
    public double rate() {
        return elapsedNanos == 0 ? 0 : sent / elapsedSeconds();
    }

    /** One line for people: count, time, achieved rate, and failures if any. */
    public String describe() {
        String text = String.format("sent %d datagrams in %.2f s: %.0f datagrams/s from %d source ports",
                sent, elapsedSeconds(), rate(), sockets);
        return failed == 0 ? text : text + "; " + failed + " failed (" + problem + ")";
    }
}
