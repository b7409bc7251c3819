package io.fieldbench.launcher;

import java.awt.AWTError;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;

/**
 * Readies the window system while the framework starts, so that the shell does not pay for it on
 * the event thread after its bundle starts: the display connection here, at once (a display that
 * cannot be opened is a start-up error), then the fonts through fontconfig and the first text
 * drawn on a thread of its own. The JDK keeps all of it per process, so the shell finds it done;
 * together it took about 0.4 s off the window's opening on a 2-CPU machine.
 */
final class WindowSystemWarmUp {

    /** The look and feel's usual size of text: the glyphs drawn are cached for the shell. */
    private static final Font SAMPLE_FONT = new Font(Font.DIALOG, Font.PLAIN, 13);

    private WindowSystemWarmUp() {
    }

    /**
     * Opens the display, then starts drawing sample text on a daemon thread and returns.
     *
     * @throws StartupException when no display can be opened
     */
    static void start() throws StartupException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new StartupException("no display to open the window on: use --headless, or set DISPLAY");
        }
        try {
            Toolkit.getDefaultToolkit();
        } catch (AWTError e) {
            throw new StartupException("cannot open the display (" + e.getMessage() + "): use --headless, or set DISPLAY"
                    + " to a display this user can open");
        }
        Thread warmUp = new Thread(WindowSystemWarmUp::drawSampleText, "fieldbench-window-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private static void drawSampleText() {
        BufferedImage image = new BufferedImage(64, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setFont(SAMPLE_FONT);
            graphics.drawString("Fieldbench", 0, image.getHeight() - 4);
        } finally {
            graphics.dispose();
        }
    }
}
