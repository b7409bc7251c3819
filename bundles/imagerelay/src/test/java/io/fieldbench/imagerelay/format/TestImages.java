package io.fieldbench.imagerelay.format;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;

/** Real images made by ImageIO, and WebP and PNG headers made by hand, for the tests. */
public final class TestImages {

    /** The size of an upload's fragments: small enough that the tests' images cross their boundaries. */
    private static final int FRAGMENT = 1000;

    private TestImages() {
    }

    /**
     * The bytes as the relay holds an upload of them: the fragments of a WebSocket message in one
     * buffer, each in pooled direct memory, the buffer read from past its start. The caller releases it.
     */
    public static ByteBuf upload(byte[] bytes) {
        CompositeByteBuf upload = ByteBufAllocator.DEFAULT.compositeDirectBuffer(Integer.MAX_VALUE);
        upload.addComponent(true, ByteBufAllocator.DEFAULT.directBuffer(1).writeByte(0));
        for (int at = 0; at < bytes.length; at += FRAGMENT) {
            int length = Math.min(FRAGMENT, bytes.length - at);
            upload.addComponent(true, ByteBufAllocator.DEFAULT.directBuffer(length).writeBytes(bytes, at, length));
        }
        return upload.skipBytes(1);
    }

    /** What {@link ImageFormat#inspect} finds in these bytes held as an {@link #upload}. */
    public static ImageInfo inspect(byte[] bytes, long maxPixels) throws NotAnImageException {
        ByteBuf upload = upload(bytes);
        try {
            return ImageFormat.inspect(upload, maxPixels);
        } finally {
            upload.release();
        }
    }

    /** A small picture in an ImageIO format: jpg, png, gif or bmp. */
    public static byte[] picture(String format, int width, int height) {
        int type = format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB;
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return encoded(image, format);
    }

    /** A JPEG of random noise, which barely compresses: over a byte a pixel at high quality. */
    public static byte[] noiseJpeg(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG header as a bomb would have it: a valid IHDR with these dimensions, then IEND. */
    static byte[] pngHeader(long width, long height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt((int) width).putInt((int) height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0)
                .put((byte) 0);
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
        png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
        pngChunk(png, "IHDR", ihdr.array());
        pngChunk(png, "IEND", new byte[0]);
        return png.array();
    }

    private static void pngChunk(ByteBuffer png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    }

    /** A lossy WebP: a VP8 chunk with a key frame header (frame tag, start code, dimensions). */
    public static byte[] webpVp8(int width, int height) {
        ByteBuffer data = le(10).put(new byte[] { 0x30, 0x01, 0x00, (byte) 0x9D, 0x01, 0x2A })
                .putShort((short) width).putShort((short) height);
        return riff(chunk("VP8 ", data.array()));
    }

    /** A lossless WebP: a VP8L chunk with its signature and the 14-bit dimensions less one. */
    static byte[] webpVp8l(int width, int height) {
        ByteBuffer data = le(5).put((byte) 0x2F).putInt(width - 1 | (height - 1) << 14);
        return riff(chunk("VP8L", data.array()));
    }

    /** An extended WebP: a VP8X chunk with the 24-bit canvas dimensions less one, then a VP8L image. */
    static byte[] webpVp8x(int width, int height) {
        ByteBuffer data = le(10).putInt(0);
        data.put((byte) (width - 1)).put((byte) (width - 1 >> 8)).put((byte) (width - 1 >> 16));
        data.put((byte) (height - 1)).put((byte) (height - 1 >> 8)).put((byte) (height - 1 >> 16));
        byte[] vp8l = Arrays.copyOfRange(webpVp8l(1, 1), 12, webpVp8l(1, 1).length);
        return riff(chunk("VP8X", data.array()), vp8l);
    }

    private static ByteBuffer le(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A RIFF chunk, padded to an even length. */
    private static byte[] chunk(String fourcc, byte[] data) {
        ByteBuffer chunk = le(8 + data.length + (data.length & 1));
        return chunk.put(fourcc.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data).array();
    }

    private static byte[] riff(byte[]... chunks) {
        int length = 12 + Arrays.stream(chunks).mapToInt(c -> c.length).sum();
        ByteBuffer riff = le(length).put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(length - 8)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII));
        Arrays.stream(chunks).forEach(riff::put);
        return riff.array();
    }
}
