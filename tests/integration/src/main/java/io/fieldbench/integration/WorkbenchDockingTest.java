package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    @BeforeAll
    static void needsADisplay() {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run the build under xvfb-run to test the window");
    }

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
        Poll.until("the probe view shows in the workbench window", () -> showingProbeView().isPresent());
        Window window = onEdt(() -> SwingUtilities.getWindowAncestor(showingProbeView().orElseThrow()));
        assertTrue(window instanceof Frame, "the view docks in the workbench frame, not in " + window);
        saveScreenshot((Frame) window);
        Bundle probeBundle = probe.bundle().orElseThrow();

        // when
        probeBundle.stop();

        // then
        Poll.until("the probe view leaves the window when its bundle stops", () -> probeViewIn(window).isEmpty());

        // when
        probeBundle.start();

        // then
        Poll.until("the probe view docks again when its bundle starts", () -> showingProbeView().isPresent());
        assertEquals(window, onEdt(() -> SwingUtilities.getWindowAncestor(showingProbeView().orElseThrow())),
                "the view docks again in the same workbench window");
    }

    /** The probe view's component, if one shows in any window. Reads Swing state on the EDT. */
    private static Optional<Component> showingProbeView() {
        return onEdt(() -> {
            for (Frame frame : Frame.getFrames()) {
                Optional<Component> view = find(frame, PROBE_VIEW);
                if (view.isPresent() && view.get().isShowing()) {
                    return view;
                }
            }
            return Optional.empty();
        });
    }

    /** The probe view's component in this window, showing or not. */
    private static Optional<Component> probeViewIn(Window window) {
        return onEdt(() -> find(window, PROBE_VIEW));
    }

    private static Optional<Component> find(Component component, String name) {
        if (name.equals(component.getName())) {
            return Optional.of(component);
        }
        if (component instanceof Container container) {
            for (Component child : container.getComponents()) {
                Optional<Component> found = find(child, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (component instanceof Window window) {
            for (Window owned : window.getOwnedWindows()) {
                Optional<Component> found = find(owned, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Paints the frame into an image, so the picture shows what Swing laid out, whatever overlaps it on screen. */
    private void saveScreenshot(Frame frame) throws IOException {
        String path = context.getProperty(SCREENSHOT_PROPERTY);
        assertNotNull(path, SCREENSHOT_PROPERTY + " is not set in integration.bndrun");
        BufferedImage image = onEdt(() -> {
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

    private static <T> T onEdt(Supplier<T> read) {
        if (SwingUtilities.isEventDispatchThread()) {
            return read.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(read.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        return result.get();
    }
}
