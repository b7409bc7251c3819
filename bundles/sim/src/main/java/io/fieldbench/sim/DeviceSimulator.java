package io.fieldbench.sim;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * N virtual devices sending at a total rate, each from its own source port, for a time or a
 * count. Frames go round-robin over the devices, so every device sends the same number (±1).
 * <p>
 * Pacing follows an absolute schedule: frame k is due at start + k / rate. The loop sends every
 * frame that is due, in one burst of at most {@value #MAX_BURST}, then parks until the next is due;
 * a late wake-up is made up by the next burst, so the average rate is exact even where the
 * scheduler's sleep granularity (~50-100 µs) is coarser than the gap between frames.
 * <p>
 * One socket per device costs one file descriptor each; above {@value #MAX_SOCKETS} devices the
 * devices share that many sockets (device d sends from socket d mod {@value #MAX_SOCKETS}), so a
 * source port then carries several device ids. {@link #run()} runs on the caller's thread;
 * {@link #stop()} and the counters may be used from any thread.
 */
public final class DeviceSimulator {

    /** The most sockets one run opens. */
    public static final int MAX_SOCKETS = 1_000;
    /** Frames sent at most in one go when the schedule is behind. */
    static final int MAX_BURST = 1_000;
    /** Longest sleep, so that {@link #stop()} takes effect quickly. */
    private static final long MAX_PARK_NANOS = 10_000_000;
    /** A run whose sends all fail this many times in a row gives up. */
    static final int MAX_FAILURES_IN_A_ROW = 1_000;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final int FRAME_HEADROOM = 256;

    private final SimulationPlan plan;
    private volatile boolean stopped;
    private volatile long sent;
    private volatile long failed;
    private volatile long startedNanos;
    private volatile long endedNanos;
    private volatile String problem = "";
    private int failuresInARow;

    public DeviceSimulator(SimulationPlan plan) {
        this.plan = plan;
    }

    public SimulationPlan plan() {
        return plan;
    }

    /**
     * Opens the sockets and sends until the duration, the count or {@link #stop()}; then closes them.
     *
     * @throws IOException when the target cannot be resolved, no socket opens, or every send fails
     */
    public SimulationResult run() throws IOException {
        InetSocketAddress target = plan.target().resolve();
        List<DatagramChannel> sockets = open(target);
        try {
            send(target, sockets);
        } finally {
            for (DatagramChannel socket : sockets) {
                socket.close();
            }
        }
        return result(sockets.size());
    }

    /** Ends the run soon; safe from any thread, also before the run started. */
    public void stop() {
        stopped = true;
    }

    public long sent() {
        return sent;
    }

    public long failed() {
        return failed;
    }

    /** Seconds since the first datagram, or the run's length once it ended. */
    public double elapsedSeconds() {
        long start = startedNanos;
        if (start == 0) {
            return 0;
        }
        long end = endedNanos;
        return ((end == 0 ? System.nanoTime() : end) - start) / NANOS_PER_SECOND;
    }

    private List<DatagramChannel> open(InetSocketAddress target) throws IOException {
        ProtocolFamily family = target.getAddress() instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        int wanted = Math.min(plan.devices(), MAX_SOCKETS);
        List<DatagramChannel> sockets = new ArrayList<>(wanted);
        try {
            while (sockets.size() < wanted) {
                DatagramChannel socket = DatagramChannel.open(family);
                sockets.add(socket);
                socket.bind(null);
            }
        } catch (IOException e) {
            if (sockets.size() <= 1) {
                for (DatagramChannel socket : sockets) {
                    socket.close();
                }
                throw e;
            }
            // out of file descriptors: the devices share the sockets that did open
            sockets.remove(sockets.size() - 1).close();
        }
        return sockets;
    }

    private void send(InetSocketAddress target, List<DatagramChannel> sockets) throws IOException {
        VirtualDevice[] devices = new VirtualDevice[plan.devices()];
        for (int i = 0; i < devices.length; i++) {
            devices[i] = new VirtualDevice(i + 1);
        }
        ByteBuffer frame = ByteBuffer.allocate(plan.size() + FRAME_HEADROOM);
        long limit = plan.count().orElse(Long.MAX_VALUE);
        long start = System.nanoTime();
        long end = plan.duration().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
        startedNanos = start;
        long done = 0;
        try {
            while (!stopped && done < limit) {
                long now = System.nanoTime();
                boolean over = now - end >= 0;
                if (over && plan.rate() == 0) {
                    break;
                }
                // frames due before the end still go out when the last wake-up came late
                long at = over ? end - 1 : now;
                long scheduled = plan.rate() == 0 ? done + MAX_BURST : (long) ((at - start) / NANOS_PER_SECOND * plan.rate()) + 1;
                if (over && done >= scheduled) {
                    break;
                }
                long due = Math.min(Math.min(scheduled, done + MAX_BURST), limit);
                double seconds = (at - start) / NANOS_PER_SECOND;
                for (; done < due; done++) {
                    int index = (int) (done % devices.length);
                    plan.format().write(devices[index].next(seconds), plan.size(), frame);
                    sendFrame(sockets.get(index % sockets.size()), frame, target);
                }
                if (plan.rate() > 0 && done < limit && !over) {
                    long next = start + (long) (done / (double) plan.rate() * NANOS_PER_SECOND);
                    long wait = Math.min(next, end) - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
                    }
                }
            }
        } finally {
            endedNanos = System.nanoTime();
        }
    }

    private void sendFrame(DatagramChannel socket, ByteBuffer frame, InetSocketAddress target) throws IOException {
        try {
            socket.send(frame, target);
            sent++;
            failuresInARow = 0;
        } catch (IOException e) {
            failed++;
            problem = String.valueOf(e.getMessage());
            if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
                throw new IOException("every datagram to " + plan.target() + " fails: " + e.getMessage(), e);
            }
        }
    }

    private SimulationResult result(int sockets) {
        long start = startedNanos;
        return new SimulationResult(sent, failed, start == 0 ? 0 : endedNanos - start, sockets, problem);
    }
}
