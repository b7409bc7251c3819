package io.fieldbench.sim.internal;

import java.util.Optional;

import io.fieldbench.sim.SimulationPlan;
import io.fieldbench.sim.SimulationResult;

/**
 * The simulator at one moment, for the console and the Sender view.
 *
 * @param running whether a run is sending
 * @param plan    the current or latest run, if any
 * @param sent    datagrams sent by it so far
 * @param failed  datagrams the sockets refused
 * @param seconds how long it ran so far
 * @param result  how the latest run ended, once it ended
 * @param problem why the latest run failed, or empty
 */
public record SimulatorStatus(boolean running, Optional<SimulationPlan> plan, long sent, long failed, double seconds,
        Optional<SimulationResult> result, String problem) {

    static final SimulatorStatus IDLE = new SimulatorStatus(false, Optional.empty(), 0, 0, 0, Optional.empty(), "");

    /** Datagrams per second so far. */
    public double rate() {
        return seconds == 0 ? 0 : sent / seconds;
    }

    /** One or two lines for the console. */
    public String describe() {
        if (plan.isEmpty()) {
            return "idle; no simulation ran yet";
        }
        String what = plan.get().describe();
        if (running) {
            return String.format("running: %s%nsent %d datagrams in %.1f s (%.0f/s)%s", what, sent, seconds, rate(),
                    failed == 0 ? "" : ", " + failed + " failed");
        }
        if (!problem.isEmpty()) {
            return "idle; the latest run (" + what + ") failed: " + problem;
        }
        return "idle; latest run: " + what + "\n" + result.map(SimulationResult::describe).orElse("");
    }
}
