package io.fieldbench.imagerelay.ui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads kept images for the screen, off the EDT. Large images are read subsampled (every n-th pixel
 * of every n-th row) so that a 100-megapixel photo never needs its full size in memory.
 */
final class ImageDecoding {

    /** A picture for the screen and the size of the image it shows. */
    record Decoded(BufferedImage picture, int width, int height) {
    }

    private ImageDecoding() {
    }

    /**
     * @param maxPixels the most pixels the picture may have; the image is subsampled to fit
     * @throws IOException when the file cannot be read or this Java has no decoder for its format (WebP)
     */
    static Decoded read(Path file, long maxPixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open " + file.getFileName());
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no decoder for the format of " + file.getFileName());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int step = subsampling(width, height, maxPixels);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return new Decoded(reader.read(0, param), width, height);
            } finally {
                reader.dispose();
            }
        }
    }

    /** A picture that fits a square of {@code box} pixels, for the gallery. */
    static BufferedImage thumbnail(Path file, int box) throws IOException {
        // read at about twice the box, then scale smoothly: sharp, and cheap even for a huge photo
        BufferedImage source = read(file, 4L * box * box).picture();
        double scale = Math.min(1, Math.min((double) box / source.getWidth(), (double) box / source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = thumbnail.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return thumbnail;
    }

    static int subsampling(int width, int height, long maxPixels) {
        int step = 1;
        while (ceilDiv(width, step) * ceilDiv(height, step) > maxPixels) {
            step++;
        }
        return step;
    }

    private static long ceilDiv(int size, int step) {
        return (size + step - 1L) / step;
    }
}
