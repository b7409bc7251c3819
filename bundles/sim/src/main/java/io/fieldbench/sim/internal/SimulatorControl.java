package io.fieldbench.sim.internal;

import java.io.IOException;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.fieldbench.sim.DeviceSimulator;
import io.fieldbench.sim.SimulationPlan;
import io.fieldbench.sim.SimulationResult;
import io.fieldbench.support.DaemonThreads;

/**
 * The bench's one device simulator: the console and the Sender view start and stop it here, so
 * both see the same run. A run sends on its own thread; starting and stopping never block on it.
 */
@Component(service = SimulatorControl.class)
public final class SimulatorControl {

    /** How long deactivation waits for a run to stop and close its sockets. */
    private static final long STOP_WAIT_MILLIS = 2_000;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private DeviceSimulator current;
    private Thread runner;
    private SimulationResult result;
    private String problem = "";

    /**
     * Starts a run.
     *
     * @throws IllegalStateException when a run is going; stop it first
     */
    public synchronized void start(SimulationPlan plan) {
        if (runner != null && runner.isAlive()) {
            throw new IllegalStateException("a simulation is running; stop it first");
        }
        DeviceSimulator simulator = new DeviceSimulator(plan);
        current = simulator;
        result = null;
        problem = "";
        runner = DaemonThreads.start("fieldbench-simulator", () -> run(simulator));
        log.info("Simulating {}", plan.describe());
    }

    private void run(DeviceSimulator simulator) {
        try {
            SimulationResult done = simulator.run();
            synchronized (this) {
                result = done;
            }
            log.info("Simulation ended: {}", done.describe());
        } catch (IOException e) {
            synchronized (this) {
                problem = String.valueOf(e.getMessage());
            }
            log.warn("Simulation of {} failed: {}", simulator.plan().describe(), e.getMessage());
        }
    }

    /** Ends the run, if any, soon; returns at once. */
    public synchronized void stop() {
        if (current != null) {
            current.stop();
        }
    }

    /** Whether a run is sending. */
    public synchronized boolean running() {
        return runner != null && runner.isAlive();
    }

    /** Waits up to this long for the run to end; for callers that want to report its result. */
    public void awaitEnd(long millis) throws InterruptedException {
        Thread thread;
        synchronized (this) {
            thread = runner;
        }
        if (thread != null) {
            thread.join(millis);
        }
    }

    public synchronized SimulatorStatus status() {
        if (current == null) {
            return SimulatorStatus.IDLE;
        }
        return new SimulatorStatus(running(), Optional.of(current.plan()), current.sent(), current.failed(),
                current.elapsedSeconds(), Optional.ofNullable(result), problem);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stop();
        awaitEnd(STOP_WAIT_MILLIS);
    }
}
