package io.fieldbench.core.console;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.fieldbench.api.feature.FeatureService;
import io.fieldbench.api.status.ConsoleOutput;
import io.fieldbench.core.BenchProperties;
import io.fieldbench.support.DaemonThreads;

/**
 * The bench's console: runs each line of standard input as a Gogo command and prints the result.
 * <p>
 * Gogo's own shell stops the framework when its input ends; a headless bench fed by a pipe must
 * keep running, so the bench reads standard input itself. End of input ends the console, not the
 * bench. Only a bench started by the launcher has a console ({@value #ENABLED} is {@code true}).
 */
@Component(immediate = true, service = ConsoleOutput.class)
public class BenchConsole implements ConsoleOutput {

    /** Framework property that turns the console on. */
    public static final String ENABLED = "fieldbench.console";
    private static final String PROMPT = "fieldbench> ";

    /** How long the console waits for the start-up features before it reads anyway. */
    private static final long READY_TIMEOUT_SECONDS = 30;

    @Reference
    private CommandProcessor processor;

    @Reference
    private FeatureService features;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private volatile boolean running;
    private volatile PrintStream console;
    private CommandSession session;

    @Activate
    void activate(BundleContext context) {
        if (!Boolean.parseBoolean(context.getProperty(ENABLED))) {
            return;
        }
        running = true;
        // the descriptors, not System.in/out: Gogo replaces System.out with its own per-thread stream
        InputStream in = new FileInputStream(FileDescriptor.in);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, Charset.defaultCharset());
        session = processor.createSession(in, out, out);
        if (new BenchProperties(context).headless()) {
            console = out;
        }
        // stdin cannot be interrupted; a daemon thread does not keep the JVM alive after the framework stops
        DaemonThreads.start("fieldbench-console", () -> readCommands(in, out));
    }

    @Override
    public void say(String line) {
        PrintStream out = console;
        if (out != null) {
            out.println(line);
        }
    }

    @Deactivate
    void deactivate() {
        running = false;
        console = null;
        if (session != null) {
            session.close();
        }
    }

    private void readCommands(InputStream in, PrintStream out) {
        awaitStartup();
        boolean interactive = System.console() != null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
            prompt(out, interactive);
            for (String line; running && (line = lines.readLine()) != null; prompt(out, interactive)) {
                if (!line.isBlank()) {
                    execute(line, out);
                }
            }
        } catch (IOException e) {
            log.warn("The console stopped reading its input: {}", e.getMessage());
        }
        if (running) {
            log.info("Console input ended; the bench keeps running (stop it with fb:shutdown or SIGTERM)");
        }
    }

    /** A script piped in must find every command of the start-up features. */
    private void awaitStartup() {
        try {
            features.ready().toCompletableFuture().get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The console starts before all features did: {}", String.valueOf(e.getMessage()));
        }
    }

    private void execute(String line, PrintStream out) {
        try {
            Object result = session.execute(line);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            out.println("error: " + e.getMessage());
        }
    }

    private static void prompt(PrintStream out, boolean interactive) {
        if (interactive) {
            out.print(PROMPT);
            out.flush();
        }
    }
}
