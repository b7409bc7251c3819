package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.feature.BundleStatus;
import io.fieldbench.api.feature.FeatureService;
import io.fieldbench.api.workbench.Workbench;

/**
 * The Modules view switches a feature as the user does: clicking the feature's switch in the
 * workbench window starts its bundles, clicking again stops them. Needs a display (CI runs the
 * build under xvfb-run); skipped without one.
 */
@ExtendWith(NeedsDisplay.class)
class ModulesViewTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    private static final String MODULES_VIEW = "modules";
    /** The Modules view names each feature's row {@code feature:<name>}; the row's check box is its switch. */
    private static final String PROBE_ROW = "feature:" + ProbeFeature.NAME;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    FeatureService features;

    /** Held so that the test runs only while the window shows (the shell registers it with the window). */
    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    private ProbeFeature probe;
    private boolean probeWasEnabled;

    /** Every test starts with the probe off; what it was is put back afterwards. */
    @BeforeEach
    void probeOff() throws Exception {
        probe = new ProbeFeature(features, context);
        probeWasEnabled = probe.status().enabled();
        probe.disable();
    }

    @AfterEach
    void restoreProbe() throws Exception {
        if (probeWasEnabled) {
            probe.enable();
        } else {
            probe.disable();
        }
        // the switch settles (re-enabled, showing the feature's state) before the next test looks at it
        Poll.until("the probe switch settles after the test", () -> probeSwitchIfShown()
                .map(box -> WorkbenchUi.onEdt(() -> box.isEnabled() && box.isSelected() == probeWasEnabled)).orElse(true));
    }

    @Test
    void clickingAFeatureSwitchStartsItsBundleAndClickingAgainStopsIt() {
        // given: the Modules view shows the probe off, its switch ready
        workbench.showView(MODULES_VIEW);
        Poll.until("view " + MODULES_VIEW + " shows the " + PROBE_ROW + " row with its switch", () -> probeSwitchIfShown().isPresent());
        JCheckBox probeSwitch = probeSwitchIfShown().orElseThrow();
        Poll.until("the probe switch is off and can be clicked", () -> isReady(probeSwitch, false));
        assertFalse(probe.isActive());
        String description = probe.status().description();
        assertTrue(WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(SwingUtilities.getAncestorOfClass(JPanel.class, probeSwitch), JLabel.class)
                .stream().anyMatch(label -> description.equals(label.getText()) && description.equals(label.getToolTipText()))),
                "the module's description whole in its tooltip, where a narrow view cuts it");

        // when: the user switches the probe on
        WorkbenchUi.click(probeSwitch);

        // then
        Poll.until("the probe bundle is ACTIVE after the switch was clicked on", probe::isActive);
        assertTrue(probe.status().enabled(), "the feature service reports the probe enabled");
        Poll.until("the probe switch shows on and can be clicked again", () -> isReady(probeSwitch, true));

        // when: the user switches it off again
        WorkbenchUi.click(probeSwitch);

        // then
        Poll.until("the probe bundle stops after the switch was clicked off",
                () -> probe.bundle().map(b -> b.getState() == Bundle.RESOLVED).orElse(false));
        assertFalse(probe.status().enabled(), "the feature service reports the probe disabled");
        assertEquals(List.of(BundleStatus.State.RESOLVED), probe.status().bundles().stream().map(BundleStatus::state).toList());
        Poll.until("the probe switch shows off again", () -> isReady(probeSwitch, false));
    }

    /** The check box in the probe's row of the Modules view, if that view shows now. */
    private static Optional<JCheckBox> probeSwitchIfShown() {
        return WorkbenchUi.showingView(MODULES_VIEW).flatMap(view -> WorkbenchUi.onEdt(() -> WorkbenchUi.find(view, WorkbenchUi.named(PROBE_ROW))
                .map(row -> WorkbenchUi.findAll(row, JCheckBox.class))
                .filter(boxes -> boxes.size() == 1)
                .map(boxes -> boxes.get(0))));
    }

    /** Whether the switch shows this state and takes clicks (it is disabled while a switch is under way). */
    private static boolean isReady(JCheckBox probeSwitch, boolean on) {
        return WorkbenchUi.onEdt(() -> probeSwitch.isShowing() && probeSwitch.isEnabled() && probeSwitch.isSelected() == on);
    }
}
