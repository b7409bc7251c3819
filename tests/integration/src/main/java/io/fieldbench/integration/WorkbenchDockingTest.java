package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Frame;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.feature.FeatureService;
import io.fieldbench.api.workbench.Workbench;

/**
 * The shell docks the views that bundles contribute and takes them out when their bundle stops.
 * Needs a display (CI runs the build under xvfb-run); skipped without one.
 */
@ExtendWith(NeedsDisplay.class)
class WorkbenchDockingTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    /** The probe view's id; the shell names each docked view's root component after it. */
    private static final String PROBE_VIEW = "probe";
    /** Framework property (integration.bndrun): where to save the picture of the window. */
    private static final String SCREENSHOT_PROPERTY = "fieldbench.test.screenshot";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    FeatureService features;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    private ProbeFeature probe;

    @BeforeEach
    void startProbe() throws Exception {
        probe = new ProbeFeature(features, context);
        probe.enable();
    }

    @AfterEach
    void stopProbe() throws Exception {
        probe.disable();
    }

    @Test
    void aViewDocksWhileItsBundleRunsAndLeavesWhenItStops() throws Exception {
        // given: the workbench (injected) and the probe feature enabled
        Poll.until("the probe view shows in the workbench window", () -> WorkbenchUi.showingView(PROBE_VIEW).isPresent());
        Window window = WorkbenchUi.onEdt(() -> SwingUtilities.getWindowAncestor(WorkbenchUi.showingView(PROBE_VIEW).orElseThrow()));
        assertTrue(window instanceof Frame, "the view docks in the workbench frame, not in " + window);
        saveScreenshot((Frame) window);
        Bundle probeBundle = probe.bundle().orElseThrow();

        // when
        probeBundle.stop();

        // then
        Poll.until("the probe view leaves the window when its bundle stops", () -> WorkbenchUi.viewIn(window, PROBE_VIEW).isEmpty());

        // when
        probeBundle.start();

        // then
        Poll.until("the probe view docks again when its bundle starts", () -> WorkbenchUi.showingView(PROBE_VIEW).isPresent());
        assertEquals(window, WorkbenchUi.onEdt(() -> SwingUtilities.getWindowAncestor(WorkbenchUi.showingView(PROBE_VIEW).orElseThrow())),
                "the view docks again in the same workbench window");
    }

    /** Paints the frame into an image, so the picture shows what Swing laid out, whatever overlaps it on screen. */
    private void saveScreenshot(Frame frame) throws IOException {
        String path = context.getProperty(SCREENSHOT_PROPERTY);
        assertNotNull(path, SCREENSHOT_PROPERTY + " is not set in integration.bndrun");
        BufferedImage image = WorkbenchUi.onEdt(() -> {
            BufferedImage picture = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
            var graphics = picture.createGraphics();
            try {
                frame.printAll(graphics);
            } finally {
                graphics.dispose();
            }
            return picture;
        });
        File file = new File(path);
        file.getParentFile().mkdirs();
        assertTrue(ImageIO.write(image, "png", file), "no PNG writer");
    }
}
