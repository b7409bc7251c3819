package io.fieldbench.imagerelay.ui;

import java.awt.BorderLayout;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.Point;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;

import io.fieldbench.imagerelay.store.StoredImage;
import io.fieldbench.imagerelay.ui.ImageDecoding.Decoded;
import io.fieldbench.support.ByteSize;
import io.fieldbench.view.support.WrapLayout;

/**
 * The current image: previous and next, zoom in and out (buttons, or the mouse wheel around the
 * cursor), fit to the window (kept while the window changes size), 100 %, scrollbars and dragging
 * to pan; its size and the zoom shown. The image is read off the EDT; a newer choice wins over a
 * read still running. EDT only.
 */
final class ImageViewer extends JPanel {

    static final String IMAGE_NAME = "relay-image";
    static final String ZOOM_NAME = "relay-zoom";
    static final String INFO_NAME = "relay-image-info";
    static final double ZOOM_STEP = 1.25;
    static final double MIN_ZOOM = 0.01;
    static final double MAX_ZOOM = 32;
    /** The most pixels a picture on screen has; larger images are read subsampled (64 MB as RGB). */
    static final long SHOWN_MAX_PIXELS = 16_000_000L;

    private final Executor reader;
    private final ZoomedImage canvas = new ZoomedImage();
    private final JScrollPane scroll = new JScrollPane(canvas);
    private final JLabel zoomLabel = new JLabel(" ");
    private final JLabel info = new JLabel("No image selected");
    private boolean fit = true;
    private StoredImage shown;
    private int reads;

    ImageViewer(Executor reader, Runnable previous, Runnable next) {
        super(new BorderLayout());
        this.reader = reader;
        canvas.setName(IMAGE_NAME);
        zoomLabel.setName(ZOOM_NAME);
        info.setName(INFO_NAME);
        JPanel tools = new JPanel(new WrapLayout(4));
        tools.add(Buttons.named("◀ Previous", "relay-previous", previous));
        tools.add(Buttons.named("Next ▶", "relay-next", next));
        tools.add(Buttons.named("−", "relay-zoom-out", () -> zoomAroundCentre(canvas.zoom() / ZOOM_STEP)));
        tools.add(Buttons.named("+", "relay-zoom-in", () -> zoomAroundCentre(canvas.zoom() * ZOOM_STEP)));
        tools.add(Buttons.named("Fit", "relay-fit", this::fit));
        tools.add(Buttons.named("100 %", "relay-actual-size", () -> zoomAroundCentre(1)));
        tools.add(zoomLabel);
        tools.add(info);
        add(tools, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        scroll.getViewport().addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                if (fit) {
                    fit();
                }
            }
        });
        MouseAdapter mouse = new PanAndWheelZoom();
        canvas.addMouseListener(mouse);
        canvas.addMouseMotionListener(mouse);
        canvas.addMouseWheelListener(mouse);
        canvas.showText("Images sent from phones show here");
        showZoom();
    }

    /** Shows this image (null: none), read off the EDT. */
    void show(StoredImage image) {
        if (Objects.equals(image, shown)) {
            return;
        }
        shown = image;
        int read = ++reads;
        if (image == null) {
            info.setText("No image selected");
            canvas.showText("No image selected");
            showZoom();
            return;
        }
        info.setText(image.name() + " · reading…");
        CompletableFuture<Decoded> decoded;
        try {
            decoded = CompletableFuture.supplyAsync(() -> {
                try {
                    return ImageDecoding.read(image.file(), SHOWN_MAX_PIXELS);
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            }, reader);
        } catch (RejectedExecutionException e) {
            return;  // the view is closing
        }
        decoded.whenComplete((picture, failure) -> SwingUtilities.invokeLater(() -> {
            if (read == reads) {
                shown(image, picture, failure);
            }
        }));
    }

    private void shown(StoredImage image, Decoded picture, Throwable failure) {
        if (failure != null) {
            canvas.showText(image.name() + ": no preview here (" + FailureText.of(failure) + ")");
            info.setText(image.name() + " · " + image.mime() + " · " + ByteSize.of(image.size()));
        } else {
            canvas.show(picture, canvas.zoom());
            info.setText(image.name() + " · " + picture.width() + " × " + picture.height() + " px · "
                    + ByteSize.of(image.size()));
            if (fit) {
                fit();
            }
        }
        showZoom();
    }

    private void fit() {
        fit = true;
        Decoded image = canvas.image();
        Insets insets = scroll.getInsets();
        int width = scroll.getWidth() - insets.left - insets.right;
        int height = scroll.getHeight() - insets.top - insets.bottom;
        if (image != null && width > 0 && height > 0) {
            canvas.show(image, clamp(Math.min((double) width / image.width(), (double) height / image.height())));
        }
        showZoom();
    }

    private void zoomAroundCentre(double zoom) {
        JViewport viewport = scroll.getViewport();
        Point position = viewport.getViewPosition();
        Dimension extent = viewport.getExtentSize();
        zoomAround(new Point(position.x + extent.width / 2, position.y + extent.height / 2), zoom);
    }

    /** Zooms keeping the image pixel under {@code point} (of the canvas) where it is on the screen. */
    private void zoomAround(Point point, double zoom) {
        Decoded image = canvas.image();
        if (image == null) {
            return;
        }
        fit = false;
        JViewport viewport = scroll.getViewport();
        Point position = viewport.getViewPosition();
        Point2D pixel = canvas.imagePoint(point);
        canvas.show(image, clamp(zoom));
        scroll.validate();  // the canvas gets its new size now, so the position below is within it
        Point moved = canvas.componentPoint(pixel);
        scrollTo(moved.x - (point.x - position.x), moved.y - (point.y - position.y));
        showZoom();
    }

    private void scrollTo(int x, int y) {
        JViewport viewport = scroll.getViewport();
        Dimension view = viewport.getViewSize();
        Dimension extent = viewport.getExtentSize();
        viewport.setViewPosition(new Point(Math.max(0, Math.min(x, view.width - extent.width)),
                Math.max(0, Math.min(y, view.height - extent.height))));
    }

    private void showZoom() {
        String percent = String.format(Locale.ROOT, "%.0f %%", canvas.zoom() * 100);
        zoomLabel.setText(canvas.image() == null ? " " : fit ? "fit: " + percent : percent);
    }

    private static double clamp(double zoom) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }


    /** The wheel zooms around the cursor; dragging moves the image in the window. */
    private final class PanAndWheelZoom extends MouseAdapter {
        private Point grabbed;

        @Override
        public void mouseWheelMoved(MouseWheelEvent e) {
            zoomAround(e.getPoint(), canvas.zoom() * Math.pow(ZOOM_STEP, -e.getPreciseWheelRotation()));
        }

        @Override
        public void mousePressed(MouseEvent e) {
            grabbed = e.getLocationOnScreen();
            canvas.setCursor(Cursor.getPredefinedCursor(Cursor.MOVE_CURSOR));
        }

        @Override
        public void mouseDragged(MouseEvent e) {
            if (grabbed != null) {
                Point now = e.getLocationOnScreen();
                Point position = scroll.getViewport().getViewPosition();
                scrollTo(position.x - (now.x - grabbed.x), position.y - (now.y - grabbed.y));
                grabbed = now;
            }
        }

        @Override
        public void mouseReleased(MouseEvent e) {
            grabbed = null;
            canvas.setCursor(Cursor.getDefaultCursor());
        }
    }
}
