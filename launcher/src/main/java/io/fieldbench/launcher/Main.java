package io.fieldbench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.fieldbench.core.BenchProperties;
import io.fieldbench.core.feature.FeatureRepository;
import io.fieldbench.sim.SimulatorCli;

/**
 * {@code fieldbench [--headless] [--features a,b,...] [--data DIR] [--set pid.key=value ...]}:
 * checks the start-up input, starts the bench, and waits until it stops. Bad input ends with one
 * line on standard error and exit code {@value #EXIT_BAD_INPUT}, before anything starts.
 * <p>
 * {@code fieldbench simulate ...} runs the device simulator's command line instead, without the
 * framework, and exits with its code.
 */
public final class Main {

    static final int EXIT_BAD_INPUT = 2;
    private static final String STOPPED = "Fieldbench stopped";
    private static final String SIMULATE = "simulate";
    private static final Path DEFAULT_DATA = Path.of(System.getProperty("user.home"), ".fieldbench");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && SIMULATE.equals(args[0])) {
            System.exit(SimulatorCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        long started = System.nanoTime();
        // SIGTERM or Ctrl+C, even during the start: stop every bundle cleanly before the JVM ends. This is
        // the bench's only shutdown hook (Felix's own is off), so the line is said before the JVM halts.
        CompletableFuture<Bench> starting = new CompletableFuture<>();
        AtomicBoolean reported = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Bench running = starting.join();
            if (running != null && running.stop() && reported.compareAndSet(false, true)) {
                System.out.println(STOPPED);
            }
        }, "fieldbench-stop"));
        Bench bench = null;
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, DEFAULT_DATA);
            bench = start(options);
        } catch (StartupException e) {
            starting.complete(null); // before exit, which runs the hook
            System.err.println("fieldbench: " + e.getMessage());
            System.exit(EXIT_BAD_INPUT);
            return;
        } finally {
            starting.complete(bench);
        }
        System.out.printf("Fieldbench started in %.1f s (%s, %d bundles, data in %s, heap up to %d MiB: FIELDBENCH_HEAP=4g"
                + " to change); type fb:features, lb, or fb:shutdown to stop%n",
                (System.nanoTime() - started) / 1e9, options.headless() ? "headless" : "window",
                bench.bundleCount(), options.data(), Runtime.getRuntime().maxMemory() >> 20);
        bench.awaitStop();
        if (reported.compareAndSet(false, true)) {
            System.out.println(STOPPED);
        }
        System.exit(0);
    }

    private static Bench start(LaunchOptions options) throws StartupException {
        if (options.headless()) {
            System.setProperty("java.awt.headless", "true");
        } else {
            WindowSystemWarmUp.start();
        }
        Distribution distribution = Distribution.ofRunningJar();
        FeatureRepository features = distribution.features(options.features().orElse(Set.of()));
        prepareDataDirectory(options.data());
        applySettings(distribution, options);
        return Bench.start(distribution, options, features);
    }

    private static void prepareDataDirectory(Path data) throws StartupException {
        try {
            Files.createDirectories(data);
            Files.deleteIfExists(Files.createTempFile(data, "write-check", ".tmp"));
        } catch (IOException e) {
            throw new StartupException("cannot write the data directory " + data
                    + ": choose another with --data DIR or fix its permissions");
        }
    }

    private static void applySettings(Distribution distribution, LaunchOptions options) throws StartupException {
        ConfigFiles files = new ConfigFiles(BenchProperties.settingsOf(options.data()));
        try {
            List<String> moved = files.seedFrom(distribution.etc());
            if (!moved.isEmpty()) {
                System.out.println("Settings now live in " + BenchProperties.settingsOf(options.data()) + "; copied the settings of "
                        + String.join(", ", moved) + " there from the distribution's etc/, which holds only the files new"
                        + " data folders start with");
            }
        } catch (IOException e) {
            throw new StartupException("cannot prepare the settings folder " + BenchProperties.settingsOf(options.data())
                    + ": " + e.getMessage() + "; choose another data directory with --data DIR or fix its permissions");
        }
        for (String setting : options.settings()) {
            try {
                files.set(setting);
            } catch (IOException e) {
                throw new StartupException("cannot apply --set " + setting + ": " + e.getMessage());
            }
        }
        files.check();
    }
}
