package dev.newswire.api.http;

import dev.newswire.api.support.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every live-page browser test does: a headless Chromium per test ({@link HeadlessChromium}:
 * skipped loudly without the browser, failing under CI=true), the page opened until its stream says
 * "live", the card titles read back, screenshots in target/screenshots/.
 */
abstract class LivePageBrowser {

    @TestHTTPResource("/")
    URL page;

    WebDriver driver;

    @BeforeEach
    void startBrowser() throws Exception {
        driver = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Opens the page at {@code query} ("" or "?…") and waits until its stream is live; returns the wait. */
    WebDriverWait openLive(String query) {
        driver.get(page + query);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("status")).getText().contains("live"));
        return wait;
    }

    static List<String> cardTitles(WebDriver d) {
        return d.findElements(By.cssSelector("#cards .card h3")).stream().map(WebElement::getText).toList();
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }
}
