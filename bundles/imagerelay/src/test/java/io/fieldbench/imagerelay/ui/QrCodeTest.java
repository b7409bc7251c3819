package io.fieldbench.imagerelay.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class QrCodeTest {

    private static final int WHITE = 0xFFFFFF;
    private static final String URL = "http://[fe80::1c2b:3cff:fe4d:5e6f%wlan0]:8899/?t=0123456789abcdef0123456789abcdef";

    @Test
    void aLongPageAddressReadsBackFromItsCode() throws Exception {
        BufferedImage code = QrCode.of(URL);

        int[] pixels = code.getRGB(0, 0, code.getWidth(), code.getHeight(), null, 0, code.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(code.getWidth(), code.getHeight(), pixels)));
        assertEquals(URL, new QRCodeReader().decode(bitmap).getText());
    }

    @Test
    void theCodeIsLargeEnoughAndHasAWhiteQuietZone() {
        BufferedImage code = QrCode.of(URL);

        assertTrue(code.getWidth() >= QrCode.SIZE_PIXELS && code.getHeight() >= QrCode.SIZE_PIXELS);
        // the outermost rows and columns are white: the quiet zone a scanner needs around the code
        for (int i = 0; i < code.getWidth(); i++) {
            assertEquals(WHITE, code.getRGB(i, 0) & WHITE, "top edge at " + i);
            assertEquals(WHITE, code.getRGB(i, code.getHeight() - 1) & WHITE, "bottom edge at " + i);
            assertEquals(WHITE, code.getRGB(0, i) & WHITE, "left edge at " + i);
            assertEquals(WHITE, code.getRGB(code.getWidth() - 1, i) & WHITE, "right edge at " + i);
        }
    }
}
