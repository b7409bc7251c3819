package io.fieldbench.launcher;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;

/**
 * Readies the window system while the framework starts: connecting to the display, loading the
 * fonts through fontconfig and the first text rendering cost about half a second of one processor,
 * which the shell would otherwise pay on the event thread after its bundle starts. The JDK keeps
 * all of it per process, so the shell finds it done.
 */
final class WindowSystemWarmUp {

    private WindowSystemWarmUp() {
    }

    /** Starts the warm-up on a daemon thread of its own and returns at once. */
    static void start() {
        Thread warmUp = new Thread(WindowSystemWarmUp::run, "fieldbench-window-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private static void run() {
        Toolkit.getDefaultToolkit();
        BufferedImage image = new BufferedImage(64, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setFont(new Font(Font.DIALOG, Font.PLAIN, 13));
            graphics.drawString("Fieldbench", 0, 12);
        } finally {
            graphics.dispose();
        }
    }
}
