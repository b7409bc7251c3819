package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.feature.BundleStatus;
import io.fieldbench.api.feature.FeatureEvents;
import io.fieldbench.api.feature.FeatureService;
import io.fieldbench.api.feature.FeatureStatus;

/** Switching a feature on and off through the {@link FeatureService}, as the Modules view and fb:enable do. */
class FeatureSwitchingTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    private static final String CHOICE_FILE = "features.properties";
    private static final String CHOICE_KEY = "enabled";
    private static final String CORE_BUNDLE = "io.fieldbench.core";
    private static final String PROBE_DESCRIPTION = "A view and a setting for the integration tests";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    FeatureService features;

    private ProbeFeature probe;
    private final BlockingQueue<Event> probeEvents = new LinkedBlockingQueue<>();

    @BeforeEach
    void listenForProbeEvents() {
        probe = new ProbeFeature(features, context);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, FeatureEvents.CHANGED);
        properties.put(EventConstants.EVENT_FILTER, "(" + FeatureEvents.NAME + "=" + ProbeFeature.NAME + ")");
        // registered through the test's context: osgi-test unregisters it after each test
        context.registerService(EventHandler.class, probeEvents::add, properties);
    }

    @AfterEach
    void switchProbeOff() throws Exception {
        probe.disable();
    }

    @Test
    void theProbeFeatureIsListedSwitchableAndOffUntilEnabled() {
        // given: the test bench's saved choice enables nothing, and every test switches the probe off again

        // when
        FeatureStatus status = probe.status();

        // then
        assertEquals(PROBE_DESCRIPTION, status.description(), "read from the test bench's features file");
        assertTrue(status.switchable(), "probe is a user's feature, not part of the bench itself");
        assertFalse(status.enabled());
        assertEquals(1, status.bundles().size(), () -> "probe has one bundle: " + status.bundles());
        assertNotEquals(BundleStatus.State.ACTIVE, status.bundles().get(0).state());
        assertFalse(probe.isActive(), "the probe bundle must not run while its feature is off");
    }

    @Test
    void enablingTheFeatureStartsItsBundleAnnouncesAndSavesTheChoice() throws Exception {
        // given
        assertFalse(probe.isActive());

        // when
        probe.enable();

        // then
        assertTrue(probe.isActive(), "the probe bundle is ACTIVE once enable() completed");
        FeatureStatus status = probe.status();
        assertTrue(status.enabled());
        BundleStatus bundle = status.bundles().get(0);
        assertEquals(ProbeFeature.BUNDLE, bundle.symbolicName());
        assertEquals(BundleStatus.State.ACTIVE, bundle.state());
        assertEquals("", bundle.problem());
        assertChangeAnnounced();
        assertEquals("probe", savedChoice(), "the choice is saved in the data folder");
    }

    @Test
    void disablingTheFeatureStopsItsBundleAnnouncesAndSavesTheChoice() throws Exception {
        // given
        probe.enable();
        assertChangeAnnounced();
        Bundle bundle = probe.bundle().orElseThrow();

        // when
        probe.disable();

        // then
        assertEquals(Bundle.RESOLVED, bundle.getState(), "the probe bundle stays installed but stops");
        FeatureStatus status = probe.status();
        assertFalse(status.enabled());
        assertEquals(BundleStatus.State.RESOLVED, status.bundles().get(0).state());
        assertChangeAnnounced();
        assertEquals("", savedChoice());
    }

    @Test
    void aSavedChoiceEnablesItsFeaturesWhenTheBenchStarts() throws Exception {
        // given: the probe is off, and the data folder says the user chose it (as after a restart)
        assertFalse(probe.isActive());
        Bundle core = bundle(CORE_BUNDLE);
        core.stop();
        saveChoice(ProbeFeature.NAME);

        // when: the feature manager starts again and reads the saved choice
        core.start();
        probe = new ProbeFeature(context.getService(context.getServiceReference(FeatureService.class)), context);

        // then
        Poll.until("the probe bundle starts because the saved choice names it", probe::isActive);
        assertTrue(probe.status().enabled());
    }

    @Test
    void enablingAnUnknownFeatureFailsNamingIt() {
        // when
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> features.enable("no-such-feature").toCompletableFuture().get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS));

        // then
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        assertTrue(cause.getMessage().contains("no-such-feature"), () -> "the message names the feature: " + cause.getMessage());
        assertTrue(cause.getMessage().contains(ProbeFeature.NAME), () -> "the message lists the known features: " + cause.getMessage());
    }

    private void assertChangeAnnounced() throws InterruptedException {
        Event event = probeEvents.poll(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(event, "no " + FeatureEvents.CHANGED + " event for " + ProbeFeature.NAME + " within " + Poll.DEADLINE.toSeconds() + " s");
        assertEquals(ProbeFeature.NAME, event.getProperty(FeatureEvents.NAME));
    }

    /** The enabled features as saved in the data folder, comma-separated. */
    private String savedChoice() throws IOException {
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(choiceFile())) {
            saved.load(in);
        }
        return saved.getProperty(CHOICE_KEY);
    }

    private void saveChoice(String enabled) throws IOException {
        Properties choice = new Properties();
        choice.setProperty(CHOICE_KEY, enabled);
        try (Writer out = Files.newBufferedWriter(choiceFile())) {
            choice.store(out, "written by " + getClass().getSimpleName());
        }
    }

    private Path choiceFile() {
        return Path.of(context.getProperty("fieldbench.data")).resolve(CHOICE_FILE);
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }
}
