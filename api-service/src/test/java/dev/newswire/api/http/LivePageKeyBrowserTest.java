package dev.newswire.api.http;

import static dev.newswire.api.support.TestArticles.about;
import static dev.newswire.api.support.TestArticles.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 9 items 8 and 11 in a real Chromium: with keys set, the page opened as {@code /?key=…}
 * streams (the key reaches the EventSource), runs under the Content-Security-Policy, and the key is
 * neither left in the address bar nor shown anywhere on the page.
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
@TestProfile(ApiKeyTest.WithKeys.class)
class LivePageKeyBrowserTest extends LivePageBrowser {

    private static final String SECRET = ApiKeyTest.WithKeys.SECRET;

    @Test
    void keyFromTheUrlStreamsButIsNeverShown() {
        String marker = "keypage-" + UUID.randomUUID().toString().substring(0, 8);
        EnrichedArticle article = about(marker, "Keyed page");
        publish(article);

        WebDriverWait wait = openLive("?key=" + SECRET + "&entity=" + marker);
        wait.until(d -> cardTitles(d).contains(article.title()));

        assertThat(driver.getCurrentUrl()).doesNotContain(SECRET).doesNotContain("key=").contains("entity=" + marker);
        assertThat(driver.findElement(By.id("stream-url")).getText()).doesNotContain(SECRET).contains("entity=" + marker);
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(SECRET);
        assertThat(driver.getPageSource()).doesNotContain(SECRET);
        // No CSP violation reported by the browser: the page needs no inline script or style.
        List<String> console = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(Object::toString).toList();
        assertThat(console).noneMatch(line -> line.contains("Content Security Policy"));
    }
}
