package io.fieldbench.core.console;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.fieldbench.api.feature.FeatureService;
import io.fieldbench.api.feature.FeatureStatus;
import io.fieldbench.api.status.StatusReport;

/** The {@code fb:} console commands: features, enable, disable, status, shutdown. */
@Component(service = FeatureCommands.class, property = {
        "osgi.command.scope=fb",
        "osgi.command.function=features",
        "osgi.command.function=enable",
        "osgi.command.function=disable",
        "osgi.command.function=status",
        "osgi.command.function=shutdown" })
public class FeatureCommands {

    private static final long CHANGE_TIMEOUT_SECONDS = 60;
    private static final long MIB = 1024 * 1024;

    @Reference
    private FeatureService features;

    /** What the running modules add to {@code fb:status}. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<StatusReport> reports = new CopyOnWriteArrayList<>();

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    /** One line per feature: name, on/off, bundles running, description, and any problem below it. */
    public String features() {
        return FeatureTable.of(features.features());
    }

    public String enable(String name) throws InterruptedException {
        return await(features.enable(name).toCompletableFuture(), "enabled " + name);
    }

    public String disable(String name) throws InterruptedException {
        return await(features.disable(name).toCompletableFuture(), "disabled " + name);
    }

    /** Uptime, bundles, enabled features, problems and memory in a few lines, then what the modules report. */
    public String status() {
        Bundle[] bundles = context.getBundles();
        long active = Arrays.stream(bundles).filter(b -> b.getState() == Bundle.ACTIVE).count();
        List<FeatureStatus> all = features.features();
        Runtime runtime = Runtime.getRuntime();
        long problems = all.stream().filter(FeatureStatus::hasProblem).count();
        return String.join("\n",
                "uptime:   " + formatUptime(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())),
                "bundles:  " + active + " active of " + bundles.length,
                "features: " + String.join(", ", all.stream().filter(FeatureStatus::enabled).map(FeatureStatus::name).toList()),
                "problems: " + (problems == 0 ? "none" : problems + " feature(s), see fb:features"),
                "memory:   " + (runtime.totalMemory() - runtime.freeMemory()) / MIB + " MiB used of " + runtime.maxMemory() / MIB + " MiB")
                + reports();
    }

    private String reports() {
        StringBuilder text = new StringBuilder();
        for (StatusReport report : reports) {
            text.append("\n").append(report.title()).append(':');
            report.lines().forEach(line -> text.append("\n  ").append(line));
        }
        return text.toString();
    }

    /** Stops the framework cleanly; the launcher then exits. */
    public String shutdown() {
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException e) {
                throw new IllegalStateException(e);
            }
        }, "fieldbench-shutdown");
        stopper.start();
        return "shutting down";
    }

    private static String await(CompletableFuture<Void> change, String done) throws InterruptedException {
        try {
            change.get(CHANGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return done;
        } catch (ExecutionException e) {
            return "error: " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "still working after " + CHANGE_TIMEOUT_SECONDS + " s; see fb:features for the state";
        }
    }

    private static String formatUptime(Duration uptime) {
        return String.format("%d:%02d:%02d", uptime.toHours(), uptime.toMinutesPart(), uptime.toSecondsPart());
    }
}
