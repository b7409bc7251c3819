package io.fieldbench.imagerelay.ui;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;

import javax.swing.JComponent;
import javax.swing.JViewport;

import io.fieldbench.imagerelay.ui.ImageDecoding.Decoded;
import io.fieldbench.view.support.SteppedScrolling;

/**
 * An image drawn at a zoom, centred when smaller than the space it has. The zoom is relative to the
 * image's own pixels, also when the picture was read subsampled. EDT only.
 */
final class ZoomedImage extends JComponent implements SteppedScrolling {

    private Decoded image;
    private double zoom = 1;
    private String placeholder = "";

    void show(Decoded shown, double newZoom) {
        image = shown;
        zoom = newZoom;
        placeholder = "";
        revalidate();
        repaint();
    }

    /** No image: a line in the middle instead, e.g. why there is no preview. */
    void showText(String text) {
        image = null;
        placeholder = text;
        revalidate();
        repaint();
    }

    Decoded image() {
        return image;
    }

    double zoom() {
        return zoom;
    }

    /** The image pixel at a point of this component (may lie outside the image). */
    Point2D imagePoint(Point point) {
        Point origin = origin();
        return new Point2D.Double((point.x - origin.x) / zoom, (point.y - origin.y) / zoom);
    }

    /** The point of this component where an image pixel is drawn. */
    Point componentPoint(Point2D imagePoint) {
        Point origin = origin();
        return new Point((int) Math.round(origin.x + imagePoint.getX() * zoom),
                (int) Math.round(origin.y + imagePoint.getY() * zoom));
    }

    @Override
    public Dimension getPreferredSize() {
        return image == null ? new Dimension(1, 1) : new Dimension(scaled(image.width()), scaled(image.height()));
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            if (image == null) {
                g.setColor(getForeground());
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                int width = g.getFontMetrics().stringWidth(placeholder);
                g.drawString(placeholder, Math.max(0, (getWidth() - width) / 2), getHeight() / 2);
                return;
            }
            // smooth when shrinking; when enlarging, the user wants to see the pixels
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, scaled(image.width()) < image.picture().getWidth()
                    ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            Point origin = origin();
            g.drawImage(image.picture(), origin.x, origin.y, scaled(image.width()), scaled(image.height()), null);
        } finally {
            g.dispose();
        }
    }

    /** Fills the viewport when smaller than it, so that the image is centred in it. */
    @Override
    public boolean getScrollableTracksViewportWidth() {
        return getParent() instanceof JViewport viewport && getPreferredSize().width <= viewport.getWidth();
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() instanceof JViewport viewport && getPreferredSize().height <= viewport.getHeight();
    }

    private Point origin() {
        return image == null ? new Point() : new Point(Math.max(0, (getWidth() - scaled(image.width())) / 2),
                Math.max(0, (getHeight() - scaled(image.height())) / 2));
    }

    private int scaled(int size) {
        return Math.max(1, (int) Math.round(size * zoom));
    }
}
