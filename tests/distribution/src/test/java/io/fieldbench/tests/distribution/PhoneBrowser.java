package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless and at a phone's screen size, driven through Debian's chromedriver.
 * Both are named by path, so Selenium never looks for (or downloads) a browser or a driver; the
 * flags keep Chromium from calling out on start-up, which fails without a network.
 */
final class PhoneBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** A common Android phone's viewport in CSS pixels. */
    private static final int WIDTH = 412;
    private static final int HEIGHT = 915;

    private final ChromeDriver driver;

    private PhoneBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Skips the test when Chromium or its driver is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + "); .ci/run installs them");
    }

    /** Starts the browser with a fresh profile in {@code profile}. */
    static PhoneBrowser start(Path profile) {
        assumeInstalled();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", "--user-data-dir=" + profile);
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", WIDTH, "height", HEIGHT, "pixelRatio", 1.0)));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(BenchProcess.DEADLINE).scriptTimeout(BenchProcess.DEADLINE);
        return new PhoneBrowser(driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Waits, polling, for a page condition, up to the tests' deadline. */
    WebDriverWait await() {
        return new WebDriverWait(driver, BenchProcess.DEADLINE);
    }

    /** What the page looks like now, as a PNG file. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
