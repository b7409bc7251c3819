package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;

import org.osgi.framework.FrameworkUtil;

import io.fieldbench.api.workbench.Workbench;

/**
 * Reads and drives the workbench window the way a user sees it: through the Swing component tree,
 * on the event dispatch thread. The shell names each docked view's root component after the view's
 * id; everything else is found by type and text.
 */
final class WorkbenchUi {

    /** Framework property (integration.bndrun): where the workbench's screenshot is saved. */
    private static final String SCREENSHOT_PROPERTY = "fieldbench.test.screenshot";

    private WorkbenchUi() {
    }

    /** The component of this view, if it shows in some window now (a closed view does not). */
    static Optional<Component> showingView(String viewId) {
        return onEdt(() -> {
            for (Frame frame : Frame.getFrames()) {
                Optional<Component> view = find(frame, named(viewId));
                if (view.isPresent() && view.get().isShowing()) {
                    return view;
                }
            }
            return Optional.empty();
        });
    }

    /** Brings the view to the front, as the View menu does, until it shows; its component. */
    static Component show(Workbench workbench, String viewId) {
        Poll.until("view " + viewId + " shows", () -> {
            workbench.showView(viewId);
            return isShowing(viewId);
        });
        return showingView(viewId).orElseThrow();
    }

    static boolean isShowing(String viewId) {
        return showingView(viewId).isPresent();
    }

    /** The component of this view in this window, showing or not. */
    static Optional<Component> viewIn(Window window, String viewId) {
        return onEdt(() -> find(window, named(viewId)));
    }

    /** The tab group this view shows in now; null when it stands alone. */
    static JTabbedPane tabsAround(String viewId) {
        return onEdt(() -> (JTabbedPane) SwingUtilities.getAncestorOfClass(JTabbedPane.class,
                showingView(viewId).orElseThrow(() -> new AssertionError("view " + viewId + " does not show"))));
    }

    /** The workbench frame that shows this view now. */
    static JFrame frameShowing(String viewId) {
        return onEdt(() -> {
            Component view = showingView(viewId).orElseThrow(() -> new AssertionError("view " + viewId + " does not show"));
            Window window = SwingUtilities.getWindowAncestor(view);
            if (window instanceof JFrame frame) {
                return frame;
            }
            throw new AssertionError("view " + viewId + " shows in " + window + ", not in the workbench frame");
        });
    }

    /**
     * The items of the window's View menu as it builds them when the user opens it: one per present
     * view, by title, ticked when the view is open.
     */
    static List<JMenuItem> viewMenuItems(JFrame frame) {
        return onEdt(() -> {
            JMenu menu = menu(frame, "View");
            menu.setSelected(true);  // fires menuSelected, as opening the menu does
            try {
                return itemsOf(menu);
            } finally {
                menu.setSelected(false);
            }
        });
    }

    /** The menu's items, separators left out. EDT only. */
    static List<JMenuItem> itemsOf(JMenu menu) {
        List<JMenuItem> items = new ArrayList<>();
        for (int i = 0; i < menu.getItemCount(); i++) {
            if (menu.getItem(i) != null) {
                items.add(menu.getItem(i));
            }
        }
        return items;
    }

    /** The View menu's entry with this text, if the menu has one now. */
    static Optional<JMenuItem> viewMenuItem(JFrame frame, String text) {
        return viewMenuItems(frame).stream().filter(item -> text.equals(item.getText())).findFirst();
    }

    /** The menu of the frame's menu bar with this text. EDT only. */
    static JMenu menu(JFrame frame, String text) {
        JMenuBar bar = frame.getJMenuBar();
        if (bar != null) {
            for (int i = 0; i < bar.getMenuCount(); i++) {
                JMenu menu = bar.getMenu(i);
                if (menu != null && text.equals(menu.getText())) {
                    return menu;
                }
            }
        }
        throw new AssertionError("the workbench frame has no " + text + " menu");
    }

    /**
     * The buttons of the header Modern Docking puts above a docked view: the header is the part of
     * the view's frame beside the view that shows its title. The last closes the view, the one
     * before it opens the options menu.
     */
    static List<JButton> headerButtons(String viewId, String title) {
        return onEdt(() -> {
            Component inner = showingView(viewId).orElseThrow(() -> new AssertionError(viewId + " does not show"));
            for (Container outer = inner.getParent(); outer != null && !(outer instanceof Window); inner = outer, outer = outer.getParent()) {
                for (Component beside : outer.getComponents()) {
                    if (beside == inner || find(beside, c -> c instanceof JLabel label && title.equals(label.getText())).isEmpty()) {
                        continue;
                    }
                    List<JButton> buttons = findAll(beside, JButton.class);
                    if (!buttons.isEmpty()) {
                        return buttons;
                    }
                }
            }
            throw new AssertionError("no header with buttons around view " + viewId);
        });
    }

    /** Clicks the button as the user would, on the EDT (no press delay). */
    static void click(AbstractButton button) {
        onEdt(() -> {
            button.doClick(0);
            return null;
        });
    }

    static Predicate<Component> named(String name) {
        return component -> name.equals(component.getName());
    }

    /** The first component, depth first, in this one (itself included) and the windows it owns, that matches. */
    static Optional<Component> find(Component component, Predicate<? super Component> matches) {
        if (matches.test(component)) {
            return Optional.of(component);
        }
        if (component instanceof Container container) {
            for (Component child : container.getComponents()) {
                Optional<Component> found = find(child, matches);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (component instanceof Window window) {
            for (Window owned : window.getOwnedWindows()) {
                Optional<Component> found = find(owned, matches);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Every component of this type in this one (itself included), depth first, in layout order. */
    static <T extends Component> List<T> findAll(Component component, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(component, type, found);
        return found;
    }

    private static <T extends Component> void collect(Component component, Class<T> type, List<T> found) {
        if (type.isInstance(component)) {
            found.add(type.cast(component));
        }
        if (component instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, type, found);
            }
        }
    }

    /** Runs the read on the EDT, which owns every Swing object, and waits for its result. */
    static <T> T onEdt(Supplier<T> read) {
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
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        return result.get();
    }

    /** The component as it is drawn on the screen. EDT only. */
    static BufferedImage picture(Component component) {
        BufferedImage picture = new BufferedImage(component.getWidth(), component.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = picture.createGraphics();
        try {
            component.paint(graphics);
        } finally {
            graphics.dispose();
        }
        return picture;
    }

    /**
     * Saves a picture as {@code fileName} (a name, or a relative path whose folders are made) beside the workbench's own screenshot, whose path the
     * system or framework property {@value #SCREENSHOT_PROPERTY} names (integration.bndrun).
     */
    static void saveBesideScreenshot(BufferedImage picture, String fileName) throws IOException {
        String workbenchShot = System.getProperty(SCREENSHOT_PROPERTY,
                FrameworkUtil.getBundle(WorkbenchUi.class).getBundleContext().getProperty(SCREENSHOT_PROPERTY));
        assertNotNull(workbenchShot, "no screenshot folder configured");
        File file = new File(new File(workbenchShot).getParentFile(), fileName);
        file.getParentFile().mkdirs();
        assertTrue(ImageIO.write(picture, "png", file), "no PNG writer");
    }
}
