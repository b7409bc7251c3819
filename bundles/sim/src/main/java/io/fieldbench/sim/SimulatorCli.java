package io.fieldbench.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code fieldbench simulate [--devices N] [--rate R] [--format text|json|binary] [--target HOST:PORT]
 * [--seconds S] [--count N] [--size BYTES]}: runs the device simulator from the command line,
 * without the bench. Prints what it will do, then the count sent and the rate achieved. Ctrl+C
 * ends the run early and still prints the summary.
 * <p>
 * Exit codes: {@value #EXIT_OK} done, {@value #EXIT_FAILED} the sockets failed,
 * {@value #EXIT_BAD_INPUT} bad arguments or an unknown host (one line on standard error, like the
 * launcher).
 */
public final class SimulatorCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    private static final String NAME = "fieldbench simulate: ";
    /** How long Ctrl+C waits for the run to stop and print its summary. */
    private static final long SUMMARY_WAIT_MILLIS = 2_000;

    private SimulatorCli() {
    }

    /** Runs a simulation from these arguments (those after {@code simulate}) and gives the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SimulationPlan plan;
        try {
            plan = SimulationPlan.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        DeviceSimulator simulator = new DeviceSimulator(plan);
        CountDownLatch finished = new CountDownLatch(1);
        Thread interrupt = new Thread(() -> stopAndWait(simulator, finished), "fieldbench-simulate-stop");
        Runtime.getRuntime().addShutdownHook(interrupt);
        try {
            out.println("simulating " + plan.describe());
            SimulationResult result = simulator.run();
            out.println(result.describe());
            return EXIT_OK;
        } catch (UnknownHostException e) {
            err.println(NAME + "unknown host '" + plan.target().host() + "'");
            return EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println(NAME + "cannot send to " + plan.target() + ": " + e.getMessage());
            return EXIT_FAILED;
        } finally {
            finished.countDown();
            removeHook(interrupt);
        }
    }

    /** On Ctrl+C: stop sending, and let the run print its summary before the JVM ends. */
    private static void stopAndWait(DeviceSimulator simulator, CountDownLatch finished) {
        simulator.stop();
        try {
            finished.await(SUMMARY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl+C): the hook is running
        }
    }
}
