package io.fieldbench.core.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

import io.fieldbench.core.BenchProperties;

/**
 * Keeps the bench's log in {@code <data>/log/fieldbench.log}, rolled over to {@code .1} when it
 * grows past {@link #MAX_BYTES}. A headless bench also prints warnings and errors on standard
 * error, one line each, since nobody watches a Log view there.
 */
@Component(service = {}, immediate = true)
public class LogFile implements LogListener {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    /** The logger name prefix of the framework's service events (OSGi Log 1.4). */
    private static final String SERVICE_EVENTS = "Events.Service";

    @Reference
    private LogReaderService reader;

    private Path file;
    private Writer out;
    private boolean echoProblems;

    @Activate
    void activate(BundleContext context) throws IOException {
        BenchProperties properties = new BenchProperties(context);
        file = properties.logFile();
        Files.createDirectories(file.getParent());
        echoProblems = properties.headless();
        open();
        List<LogEntry> history = Collections.list(reader.getLog());
        Collections.reverse(history); // the reader gives newest first
        history.forEach(this::logged);
        reader.addLogListener(this);
    }

    @Deactivate
    synchronized void deactivate() throws IOException {
        reader.removeLogListener(this);
        out.close();
        out = null; // the log service may still deliver an entry it dispatched before the removal
    }

    @Override
    public synchronized void logged(LogEntry entry) {
        if (out == null || isRoutine(entry)) {
            return;
        }
        String line = format(entry);
        try {
            if (Files.size(file) > MAX_BYTES) {
                out.close();
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                open();
            }
            out.write(line);
            out.write(stackTrace(entry.getException()));
            out.flush();
        } catch (IOException e) {
            System.err.println("fieldbench: cannot write the log file " + file + ": " + e.getMessage());
        }
        if (echoProblems && LogLevel.WARN.implies(entry.getLogLevel())) {
            System.err.print(line);
        }
    }

    private void open() throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The framework logs every service registration at INFO, past any log level setting;
     * in a lab engineer's log that is noise.
     */
    static boolean isRoutine(LogEntry entry) {
        return entry.getLoggerName().startsWith(SERVICE_EVENTS) && !LogLevel.WARN.implies(entry.getLogLevel());
    }

    static String format(LogEntry entry) {
        String bundle = entry.getBundle() == null ? "-" : entry.getBundle().getSymbolicName();
        String cause = entry.getException() == null ? "" : " (" + entry.getException() + ")";
        return TIME.format(Instant.ofEpochMilli(entry.getTime())) + " " + entry.getLogLevel() + " "
                + bundle + " " + entry.getMessage() + cause + System.lineSeparator();
    }

    private static String stackTrace(Throwable exception) {
        if (exception == null) {
            return "";
        }
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
