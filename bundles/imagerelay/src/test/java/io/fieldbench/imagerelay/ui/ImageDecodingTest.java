package io.fieldbench.imagerelay.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecodingTest {

    @TempDir
    Path folder;

    @Test
    void aLargeImageIsReadSubsampledWithinTheLimitAndKnowsItsFullSize() throws IOException {
        Path file = png(4000, 3000);

        ImageDecoding.Decoded decoded = ImageDecoding.read(file, 1_000_000);

        assertEquals(4000, decoded.width());
        assertEquals(3000, decoded.height());
        long pixels = (long) decoded.picture().getWidth() * decoded.picture().getHeight();
        assertTrue(pixels <= 1_000_000, () -> "read " + pixels + " pixels");
        assertTrue(pixels > 250_000, () -> "read only " + pixels + " pixels: subsampled more than needed");
    }

    @Test
    void aSmallImageIsReadWhole() throws IOException {
        ImageDecoding.Decoded decoded = ImageDecoding.read(png(300, 200), 1_000_000);

        assertEquals(300, decoded.picture().getWidth());
        assertEquals(200, decoded.picture().getHeight());
    }

    @Test
    void aThumbnailFitsItsBoxAndKeepsTheShape() throws IOException {
        BufferedImage thumbnail = ImageDecoding.thumbnail(png(4000, 2000), 96);

        assertEquals(96, thumbnail.getWidth());
        assertEquals(48, thumbnail.getHeight());
    }

    @Test
    void bytesNoDecoderKnowsAreAnIoProblemNotACrash() throws IOException {
        Path file = Files.write(folder.resolve("photo.webp"), "RIFF\0\0\0\0WEBPVP8 not really".getBytes(StandardCharsets.US_ASCII));

        IOException problem = assertThrows(IOException.class, () -> ImageDecoding.read(file, 1_000_000));

        assertTrue(problem.getMessage().contains("photo.webp"), problem::getMessage);
    }

    @Test
    void subsamplingIsTheSmallestStepThatFits() {
        assertEquals(1, ImageDecoding.subsampling(1000, 1000, 1_000_000));
        assertEquals(2, ImageDecoding.subsampling(1001, 1000, 1_000_000));
        assertEquals(10, ImageDecoding.subsampling(50_000, 50_000, 25_000_000));
    }

    private Path png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Path file = folder.resolve(width + "x" + height + ".png");
        assertTrue(ImageIO.write(image, "png", file.toFile()), "no PNG writer");
        return file;
    }
}
