package dev.newswire.api.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium + chromium-driver, headless, for the live-page tests. Without the browser a
 * test is skipped loudly, except under CI=true where it fails.
 */
public final class HeadlessChromium {

    private static final File CHROMIUM = new File(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final File DRIVER = new File(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    public static WebDriver start() throws Exception {
        boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (!present) {
            String message = "LIVE PAGE BROWSER TEST SKIPPED: no " + CHROMIUM + " / " + DRIVER
                    + " (apt-get install -y chromium chromium-driver)";
            System.err.println("\n*** " + message + " ***\n");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + " — required when CI=true");
            }
            Assumptions.abort(message);
        }
        Path profile = Files.createTempDirectory("newswire-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        // Console messages (CSP violations among them) readable through driver.manage().logs().
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }
}
