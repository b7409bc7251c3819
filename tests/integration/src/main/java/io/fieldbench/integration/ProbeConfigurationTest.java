package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.feature.FeatureService;

/**
 * A setting changed through ConfigurationAdmin (as the settings editor and etc/*.cfg do) reaches
 * the running component: the probe's {@code probe:greeting} console command answers with it.
 */
class ProbeConfigurationTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    private static final String PID = "io.fieldbench.probe";
    private static final String COMMAND = "probe:greeting";
    /** Binds the configuration to whichever bundle asks for the PID first: the probe, not this test. */
    private static final String ANY_LOCATION = "?";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    FeatureService features;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    ConfigurationAdmin configurationAdmin;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    CommandProcessor commands;

    private ProbeFeature probe;
    private CommandSession console;

    @BeforeEach
    void startProbe() throws Exception {
        probe = new ProbeFeature(features, context);
        probe.enable();
        console = commands.createSession(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    @AfterEach
    void restore() throws Exception {
        console.close();
        Configuration configuration = configurationAdmin.getConfiguration(PID, ANY_LOCATION);
        configuration.delete();
        probe.disable();
    }

    @Test
    void aChangedGreetingReachesTheProbeCommand() throws IOException {
        // given: the probe runs with its default greeting
        Poll.until(COMMAND + " answers its default 'hello'", () -> "hello".equals(greeting()));

        // when
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("greeting", "changed");
        configurationAdmin.getConfiguration(PID, ANY_LOCATION).update(settings);

        // then
        Poll.until(COMMAND + " answers 'changed' after the configuration update", () -> "changed".equals(greeting()));
        assertEquals("changed", greeting());
    }

    /** What the console command answers now; empty while the command is not (yet) registered. */
    private String greeting() {
        try {
            return String.valueOf(console.execute(COMMAND));
        } catch (Exception notYetThere) {
            return "";
        }
    }
}
