package io.fieldbench.chart.ui;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** A plot's panel as the tests need it: laid out and painted once, so it knows its data area. */
final class PaintedPanels {

    static final int WIDTH = 800;
    static final int HEIGHT = 400;

    private PaintedPanels() {
    }

    static PanningChartPanel laidOut(ChartPlot plot) {
        PanningChartPanel panel = plot.panel();
        panel.setSize(WIDTH, HEIGHT);
        painted(panel);
        return panel;
    }

    /** What the panel, laid out, paints. */
    static BufferedImage painted(PanningChartPanel panel) {
        BufferedImage picture = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = picture.createGraphics();
        try {
            panel.paint(g2);
        } finally {
            g2.dispose();
        }
        return picture;
    }
}
