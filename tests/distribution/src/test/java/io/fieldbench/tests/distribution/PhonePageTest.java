package io.fieldbench.tests.distribution;

import static io.fieldbench.tests.distribution.RelayBench.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The phone page as a phone sees it: real headless Chromium at phone size opens the page the
 * shipped bench serves on loopback, pairs with the token, uploads a 7 MB photo that lands
 * byte-identical in the images folder, and shows the image the operator sends back from the console;
 * a wrong token is refused with what to do; a photo picked while the bench restarts goes once the
 * page has reconnected by itself.
 */
class PhonePageTest {

    /** 6 megapixels of noise: a JPEG of about 7 MB, the size of a phone photo. */
    private static final int PHOTO_WIDTH = 3000;
    private static final int PHOTO_HEIGHT = 2000;
    private static final float PHOTO_QUALITY = 0.95f;
    private static final long PHONE_PHOTO_BYTES = 6_500_000;
    private static final int BENCH_IMAGE_WIDTH = 321;
    private static final int BENCH_IMAGE_HEIGHT = 123;
    private static final Pattern CONNECTED = Pattern.compile("connected as client \\d+");
    /** An outbox entry's states before the bench's answer. */
    private static final List<String> UNANSWERED = List.of("queued", "sending");
    private static final Path SCREENSHOT = Path.of("target", "phone-page.png");

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    @TempDir
    Path temporary;

    private final RelayBench relay = new RelayBench(headless);
    private BenchProcess bench;
    private PhoneBrowser browser;

    @BeforeEach
    void needsChromium() {
        PhoneBrowser.assumeInstalled();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Starts the bench with the image relay on loopback at this port (0: any) and the known token;
     * gives the page's address the bench shows.
     */
    private String startRelay(int port) throws Exception {
        bench = relay.start(port);
        relay.awaitListening();
        // the address a person reads off the bench
        String page = bench.ask("imagerelay:token", line -> line.startsWith("http://127.0.0.1:"), "the page's address")
                .split("\\s+")[0];
        assertTrue(page.endsWith("/?t=" + TOKEN), "the page's address carries the token written before the start: " + page);
        return page;
    }

    private void open(String page) {
        browser = PhoneBrowser.start(temporary.resolve("chromium-profile"));
        browser.driver().get(page);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aPhotoGoesToTheBenchByteForByteAndAnImageFromTheBenchIsShown() throws Exception {
        open(startRelay(0));
        browser.await().until(ExpectedConditions.textMatches(By.id("state"), CONNECTED));

        // a photo picked on the phone arrives whole in <data>/images, and the page says where
        Path photo = writeNoisePhoto(temporary.resolve("IMG_0007.jpg"));
        assertTrue(Files.size(photo) > PHONE_PHOTO_BYTES, "the generated photo is as large as a phone's: " + Files.size(photo));
        awaitKept(pick(photo), photo);

        // the operator sends an image from the console; the page shows it from the bench
        Path fromBench = writeGradient(temporary.resolve("from-bench.png"));
        bench.send("fb:send-image " + fromBench + " all");
        WebElement received = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#received li[data-from='bench']")));
        WebElement image = received.findElement(By.tagName("img"));
        browser.await().until(driver -> Boolean.TRUE.equals(
                browser.driver().executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
        assertEquals(BENCH_IMAGE_WIDTH, naturalSize(image, "naturalWidth"));
        assertEquals(BENCH_IMAGE_HEIGHT, naturalSize(image, "naturalHeight"));
        assertTrue(received.getText().contains("from-bench.png") && received.getText().contains("from bench"), received.getText());
        assertTrue(CONNECTED.matcher(browser.driver().findElement(By.id("state")).getText()).matches(), "still connected");

        browser.screenshot(SCREENSHOT);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aWrongTokenIsRefusedWithWhatToDoAndTheBenchLogsIt() throws Exception {
        String page = startRelay(0);
        open(page.replace("?t=" + TOKEN, "?t=" + new StringBuilder(TOKEN).reverse()));

        browser.await().until(ExpectedConditions.textToBe(By.id("state"),
                "refused: wrong or missing pairing token \u2014 open the address shown on the bench"));
        assertEquals("refused", browser.driver().findElement(By.id("state")).getDomAttribute("data-state"));
        Path log = headless.data().resolve("log/fieldbench.log");
        Poll.until(() -> Files.exists(log) && Files.readString(log).contains("wrong pairing token"), "the refusal in the bench's log");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void thePageReconnectsAfterTheBenchRestartsAndThenSendsWhatWasPickedMeanwhile() throws Exception {
        String page = startRelay(0);
        open(page);
        browser.await().until(ExpectedConditions.textMatches(By.id("state"), CONNECTED));

        bench.send("fb:shutdown");
        bench.awaitLine("Fieldbench stopped"::equals, "the bench stopped");
        browser.await().until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "disconnected"));
        assertTrue(browser.driver().findElement(By.id("state")).getText().matches("disconnected, retrying in \\d+ s"),
                browser.driver().findElement(By.id("state")).getText());
        Path picked = writeGradient(temporary.resolve("picked-offline.png"));
        WebElement item = pick(picked);
        assertEquals("queued", item.getDomAttribute("data-state"));

        assertEquals(page, startRelay(URI.create(page).getPort()), "the same address after the restart");
        browser.await().until(ExpectedConditions.textMatches(By.id("state"), CONNECTED));
        awaitKept(item, picked);
    }

    /** Picks a file with the page's file input, as a person does; gives its entry in the outbox. */
    private WebElement pick(Path file) {
        browser.driver().findElement(By.id("pick")).sendKeys(file.toString());
        return browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#outbox li:last-child")));
    }

    /** Waits until the page says the image was stored, and the file it names holds exactly the original's bytes. */
    private void awaitKept(WebElement item, Path original) throws Exception {
        browser.await().until(driver -> !UNANSWERED.contains(item.getDomAttribute("data-state")));
        assertEquals("stored", item.getDomAttribute("data-state"), item.getText());
        String status = item.findElement(By.className("status")).getText();
        assertTrue(status.startsWith("stored as ") && status.endsWith("-" + original.getFileName()), status);
        Path stored = headless.data().resolve("images").resolve(status.substring("stored as ".length()));
        Poll.until(() -> Files.isRegularFile(stored) && Files.mismatch(stored, original) == -1,
                original.getFileName() + " byte-identical at " + stored);
    }

    private long naturalSize(WebElement image, String property) {
        return (Long) browser.driver().executeScript("return arguments[0]." + property, image);
    }

    /** Random pixels compress badly, like a detailed photo: a JPEG of about 7 MB. */
    private static Path writeNoisePhoto(Path file) throws IOException {
        BufferedImage noise = new BufferedImage(PHOTO_WIDTH, PHOTO_HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) noise.getRaster().getDataBuffer()).getData();
        Random random = new Random(PHOTO_WIDTH);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam quality = writer.getDefaultWriteParam();
        quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        quality.setCompressionQuality(PHOTO_QUALITY);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(noise, null, null), quality);
        } finally {
            writer.dispose();
        }
        return file;
    }

    private static Path writeGradient(Path file) throws IOException {
        BufferedImage image = new BufferedImage(BENCH_IMAGE_WIDTH, BENCH_IMAGE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, Color.ORANGE, BENCH_IMAGE_WIDTH, BENCH_IMAGE_HEIGHT, Color.BLUE));
        graphics.fillRect(0, 0, BENCH_IMAGE_WIDTH, BENCH_IMAGE_HEIGHT);
        graphics.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
