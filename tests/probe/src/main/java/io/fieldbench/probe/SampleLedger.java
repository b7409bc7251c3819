package io.fieldbench.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;

/**
 * Records which sequence numbers of each device the bench delivered, in a ledger file that outlives
 * the process: each batch is one write, handed to the system before the next batch is taken, so a
 * bench killed with SIGKILL keeps in the file every batch its consumers were given, and a restart
 * goes on from it. {@code probe:ledger} says how many were delivered and how many again,
 * {@code probe:seen} which (the ranges of each device). Only while {@code file} is set (PID {@value #PID});
 * {@code delay.millis} makes it a slow consumer.
 */
@Component(configurationPid = SampleLedger.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = EventHandler.class,
        property = { EventConstants.EVENT_TOPIC + "=" + SampleEvents.DECODED, "osgi.command.scope=probe",
                "osgi.command.function=ledger", "osgi.command.function=seen" })
@Designate(ocd = SampleLedger.Config.class)
public class SampleLedger implements EventHandler {

    public static final String PID = "io.fieldbench.probe.ledger";

    @ObjectClassDefinition(name = "Test probe: sample ledger", description = "Which samples the bench delivered, kept in a file")
    public @interface Config {
        @AttributeDefinition(name = "File", description = "The ledger file, appended to; read again at start")
        String file();

        @AttributeDefinition(name = "Delay", description = "How long each batch takes to be handled, in milliseconds: a slow consumer")
        long delay_millis() default 0;
    }

    private SeenSequences seen;
    private FileChannel file;
    private long delayMillis;

    @Activate
    synchronized void activate(Config config) throws IOException {
        Path ledger = Path.of(config.file());
        seen = SeenSequences.read(ledger);
        file = FileChannel.open(ledger, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        delayMillis = config.delay_millis();
    }

    @Deactivate
    synchronized void deactivate() throws IOException {
        file.close();
    }

    @Override
    public synchronized void handleEvent(Event event) {
        try {
            Thread.sleep(delayMillis); // a slow consumer, as a recorder on a slow disk
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        @SuppressWarnings("unchecked")
        List<Sample> batch = (List<Sample>) event.getProperty(SampleEvents.SAMPLES);
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        Map<String, Long> runEnds = new LinkedHashMap<>();
        for (Sample sample : batch) {
            if (sample.sequence().isEmpty()) {
                continue;
            }
            long seq = sample.sequence().getAsLong();
            seen.add(sample.deviceId(), seq);
            StringBuilder line = lines.computeIfAbsent(sample.deviceId(), device -> new StringBuilder(device).append(' '));
            Long end = runEnds.put(sample.deviceId(), seq);
            if (end != null && end == seq - 1) {
                line.setLength(line.lastIndexOf("-") + 1); // the run goes on: its last number changes
            } else {
                line.append(line.charAt(line.length() - 1) == ' ' ? "" : ",").append(seq).append('-');
            }
            line.append(seq);
        }
        StringBuilder text = new StringBuilder();
        lines.values().forEach(line -> text.append(line).append('\n'));
        try {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the sample ledger cannot be written: " + e.getMessage(), e);
        }
    }

    /** One line: {@code distinct=N repeats=R}. */
    public synchronized String ledger() {
        return "distinct=" + seen.distinct() + " repeats=" + seen.repeats();
    }

    /** One line: the ranges of each device, {@code device first-last,...; device ...}. */
    public synchronized String seen() {
        return seen.ranges();
    }
}
