package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Component;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListModel;
import javax.swing.text.JTextComponent;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.workbench.Workbench;

/**
 * The Image Relay view over a real loopback WebSocket: the relay (configured through
 * ConfigurationAdmin to a free loopback port) shows the page's address with the pairing token and a
 * QR code that decodes back to it; an image a WebSocket client uploads appears in the gallery and in
 * the viewer; 100 %, Fit and the mouse wheel change the zoom; Send to all and Send to selected
 * deliver the image to the client as the protocol says. Saves the view as {@code target/imagerelay.png}. Needs a display.
 */
@ExtendWith(NeedsDisplay.class)
class ImageRelayViewTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    private static final String RELAY_PID = "io.fieldbench.imagerelay";
    private static final String VIEW = "imagerelay";
    private static final String LOOPBACK = "127.0.0.1";
    /** Where the relay keeps its pairing token, in the data folder. */
    private static final String TOKEN_FILE = "imagerelay/token";
    /** Larger than the viewer, so that fitting it shrinks it. */
    /** The least size of a QR code a phone scans from a screen. */
    private static final int QR_PIXELS = 180;
    private static final int IMAGE_WIDTH = 1600;
    private static final int IMAGE_HEIGHT = 1200;
    private static final Pattern FIT = Pattern.compile("fit: (\\d+) %");
    private static final Pattern PERCENT = Pattern.compile("(\\d+) %");

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    ConfigurationAdmin configurations;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    private final ConfigurationChanges settings = new ConfigurationChanges();

    @AfterEach
    void putTheRelayBack() {
        settings.putBack();
    }

    @Test
    void aPhoneImageShowsInTheGalleryAndViewerAndGoesBackToTheClient() throws Exception {
        int port = freeTcpPort();
        listenOn(port);
        Component view = showing();
        Poll.until("the relay view says it runs on " + LOOPBACK + ":" + port,
                () -> text(view, "relay-state").contains("running on " + LOOPBACK + ":" + port));

        // given the page's address with the token, and its QR code
        Path tokenFile = dataFolder().resolve(TOKEN_FILE);
        Poll.until("the relay keeps its token in " + tokenFile, () -> Files.isRegularFile(tokenFile));
        String token = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
        String pageUrl = "http://" + LOOPBACK + ":" + port + "/?t=" + token;
        Poll.until("the view lists the page address " + pageUrl, () -> addressCard(view, pageUrl).isPresent());
        BufferedImage qr = WorkbenchUi.onEdt(() -> WorkbenchUi.picture(WorkbenchUi.find(addressCard(view, pageUrl).orElseThrow(),
                WorkbenchUi.named("relay-qr")).orElseThrow()));
        assertEquals(pageUrl, decodeQr(qr), "what the QR code beside the address says");
        assertTrue(WorkbenchUi.onEdt(() -> WorkbenchUi.find(addressCard(view, pageUrl).orElseThrow(), WorkbenchUi.named("relay-url"))
                .orElseThrow() instanceof JTextField), "the address on one line, never broken inside the token");
        assertEquals(0, (int) WorkbenchUi.onEdt(() -> ((JScrollPane) component(view, "relay-addresses")).getVerticalScrollBar().getValue()),
                "the address list opens at its top, not scrolled to the caret of an address");
        assertTrue(qr.getWidth() >= QR_PIXELS && qr.getHeight() >= QR_PIXELS, "a QR code large enough to scan: " + qr.getWidth()
                + " × " + qr.getHeight() + " px");

        // when a client uploads an image
        String name = "bench-test-" + UUID.randomUUID().toString().substring(0, 8) + ".png";
        byte[] png = png();
        URI endpoint = URI.create("ws://" + LOOPBACK + ":" + port + "/ws?t=" + token);
        try (RelayTestClient client = new RelayTestClient(endpoint)) {
            client.nextText("hello");
            client.sendImage(name, "image/png", png);
            String stored = client.nextText("stored");
            assertTrue(stored.contains(name), () -> "the relay kept another image: " + stored);

            // then the gallery lists it and the viewer shows it
            Poll.until("the gallery lists " + name, () -> galleryLists(view, name));
            Poll.until("the viewer shows " + name + " at its size", () -> {
                String info = text(view, "relay-image-info");
                return info.contains(name) && info.contains(IMAGE_WIDTH + " × " + IMAGE_HEIGHT + " px");
            });
            click(view, "relay-actual-size");
            assertEquals("100 %", text(view, "relay-zoom"), "zoom after 100 %");
            click(view, "relay-fit");
            Matcher fit = FIT.matcher(text(view, "relay-zoom"));
            assertTrue(fit.matches(), () -> "zoom after Fit: " + text(view, "relay-zoom"));
            int fitted = Integer.parseInt(fit.group(1));
            assertTrue(fitted < 100, "a " + IMAGE_WIDTH + " px image fits the viewer shrunk");
            wheelUp(component(view, "relay-image"));
            Matcher wheeled = PERCENT.matcher(text(view, "relay-zoom"));
            assertTrue(wheeled.matches() && Integer.parseInt(wheeled.group(1)) > fitted,
                    () -> "zoom after a wheel turn up from " + fitted + " %: " + text(view, "relay-zoom"));

            // and Send to all and Send to selected deliver it to the client as the protocol says
            send(view, "relay-send-all", name, "to 1 client");
            assertReceived(client, name, png);
            selectOnlyClient(view);
            send(view, "relay-send-selected", name, "to client ");
            assertReceived(client, name, png);
            Poll.until("the log shows the upload", () -> logMentions(view, name));

            // and previous/next wrap around at the ends of the gallery
            client.sendImage("second-" + name, "image/png", png("again"));
            client.nextText("stored");
            Poll.until("the gallery lists the second image", () -> galleryLists(view, "second-" + name));
            int last = WorkbenchUi.onEdt(() -> ((JList<?>) component(view, "relay-gallery")).getModel().getSize() - 1);
            selectInGallery(view, last);
            click(view, "relay-next");
            assertEquals(0, selectedInGallery(view), "Next on the last image goes to the first");
            click(view, "relay-previous");
            assertEquals(last, selectedInGallery(view), "Previous on the first image goes to the last");
            screenshot(WorkbenchUi.frameShowing(VIEW));
        }
    }

    /** Clicks a send button and checks the view's one-line answer. */
    private static void send(Component view, String button, String name, String to) {
        WorkbenchUi.onEdt(() -> {
            ((JLabel) component(view, "relay-message")).setText(" ");
            return null;
        });
        click(view, button);
        Poll.until("the view answers " + button, () -> text(view, "relay-message").contains(name));
        String answer = text(view, "relay-message");
        assertTrue(answer.startsWith("sent " + name) && answer.contains(to), () -> button + " answered: " + answer);
    }

    private static void assertReceived(RelayTestClient client, String name, byte[] png) throws InterruptedException {
        String announced = client.nextText("image");
        assertTrue(announced.contains(name) && announced.contains("\"size\":" + png.length),
                () -> "the image frame names another image: " + announced);
        assertArrayEquals(png, client.nextBinary(), "the bytes that followed the image frame");
    }

    /** A picture with gradients and shapes, so that scaling and zoom show. */
    private static byte[] png() throws IOException {
        return png("Fieldbench");
    }

    /** An image with this word on it: another word, other bytes. */
    private static byte[] png(String word) throws IOException {
        BufferedImage image = new BufferedImage(IMAGE_WIDTH, IMAGE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setPaint(new GradientPaint(0, 0, new Color(0x1E88E5), IMAGE_WIDTH, IMAGE_HEIGHT, new Color(0xFDD835)));
            graphics.fillRect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT);
            graphics.setColor(new Color(0xD81B60));
            graphics.fillOval(IMAGE_WIDTH / 4, IMAGE_HEIGHT / 4, IMAGE_WIDTH / 2, IMAGE_HEIGHT / 2);
            graphics.setColor(Color.WHITE);
            graphics.setFont(graphics.getFont().deriveFont(96f));
            graphics.drawString(word, IMAGE_WIDTH / 3, IMAGE_HEIGHT / 2);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "png", bytes), "no PNG writer");
        return bytes.toByteArray();
    }

    private static String decodeQr(BufferedImage picture) throws NotFoundException, ChecksumException, FormatException {
        int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(picture.getWidth(), picture.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    /** Points the relay at the port on loopback and switches it on, for this test only. */
    private void listenOn(int port) throws IOException {
        settings.set(configurations, RELAY_PID, Map.of("enabled", true, "bind.address", LOOPBACK, "port", port));
    }

    private Component showing() {
        Poll.until("view " + VIEW + " shows", () -> {
            workbench.showView(VIEW);
            return WorkbenchUi.isShowing(VIEW);
        });
        return WorkbenchUi.showingView(VIEW).orElseThrow();
    }

    /** The card of the address list whose URL is this one. */
    private static Optional<Component> addressCard(Component view, String url) {
        return WorkbenchUi.onEdt(() -> WorkbenchUi.findAll(view, JPanel.class).stream()
                .filter(WorkbenchUi.named("relay-address")::test)
                .filter(card -> WorkbenchUi.findAll(card, JTextComponent.class).stream()
                        .anyMatch(field -> url.equals(field.getText())))
                .map(Component.class::cast).findFirst());
    }

    private static boolean galleryLists(Component view, String name) {
        return WorkbenchUi.onEdt(() -> {
            ListModel<?> images = ((JList<?>) component(view, "relay-gallery")).getModel();
            for (int i = 0; i < images.getSize(); i++) {
                if (String.valueOf(images.getElementAt(i)).contains("name=" + name)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static void selectInGallery(Component view, int index) {
        WorkbenchUi.onEdt(() -> {
            ((JList<?>) component(view, "relay-gallery")).setSelectedIndex(index);
            return null;
        });
    }

    private static int selectedInGallery(Component view) {
        return WorkbenchUi.onEdt(() -> ((JList<?>) component(view, "relay-gallery")).getSelectedIndex());
    }

    private static boolean logMentions(Component view, String text) {
        return WorkbenchUi.onEdt(() -> {
            JTable log = (JTable) component(view, "relay-log");
            for (int row = 0; row < log.getRowCount(); row++) {
                for (int column = 0; column < log.getColumnCount(); column++) {
                    if (String.valueOf(log.getValueAt(row, column)).contains(text)) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    private static void selectOnlyClient(Component view) {
        Poll.until("the clients table lists one client",
                () -> WorkbenchUi.onEdt(() -> ((JTable) component(view, "relay-clients")).getRowCount() == 1));
        WorkbenchUi.onEdt(() -> {
            ((JTable) component(view, "relay-clients")).setRowSelectionInterval(0, 0);
            return null;
        });
    }

    /** One notch of the mouse wheel away from the user, in the middle of the component, as a mouse does it. */
    private static void wheelUp(Component component) {
        WorkbenchUi.onEdt(() -> {
            component.dispatchEvent(new MouseWheelEvent(component, MouseEvent.MOUSE_WHEEL, System.currentTimeMillis(), 0,
                    component.getWidth() / 2, component.getHeight() / 2, 0, false, MouseWheelEvent.WHEEL_UNIT_SCROLL, 1, -1));
            return null;
        });
    }

    private static void click(Component view, String button) {
        WorkbenchUi.click((AbstractButton) WorkbenchUi.onEdt(() -> component(view, button)));
    }

    private static String text(Component view, String label) {
        return WorkbenchUi.onEdt(() -> String.valueOf(((JLabel) component(view, label)).getText()));
    }

    private static Component component(Component view, String name) {
        return WorkbenchUi.find(view, WorkbenchUi.named(name))
                .orElseThrow(() -> new AssertionError("the image relay view has no " + name));
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            return socket.getLocalPort();
        }
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(ImageRelayViewTest.class).getBundleContext();
    }

    private static Path dataFolder() {
        return Path.of(context().getProperty("fieldbench.data"));
    }

    private static void screenshot(JFrame frame) throws IOException {
        WorkbenchUi.saveBesideScreenshot(WorkbenchUi.onEdt(() -> WorkbenchUi.picture(frame)), "imagerelay.png");
    }
}
