package dev.newswire.api.http;

import static dev.newswire.api.support.TestArticles.article;
import static dev.newswire.api.support.TestArticles.person;
import static dev.newswire.api.support.TestArticles.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.kafka.NewswireKafkaResource;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Tag;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in a real headless Chromium (Debian's chromium + chromium-driver, driven by
 * Selenium with the system chromedriver): load, an article published through the broker appears
 * as a card, a filter reconnects with query parameters. Screenshots go to target/screenshots/.
 * Without the browser the test is skipped loudly, except under CI=true where it fails
 * ({@link dev.newswire.api.support.HeadlessChromium}).
 */
@QuarkusTest
@QuarkusTestResource(NewswireKafkaResource.class)
class LivePageBrowserTest extends LivePageBrowser {

    @Test
    void cardsAppearLiveAndFiltersReconnect() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 6);
        List<EnrichedArticle> seeds = List.of(
                article("Netanyahu and Macron discuss ceasefire in Paris", "Benjamin Netanyahu met Emmanuel Macron in Paris on Monday. " + m,
                        "en", List.of(person("Benjamin Netanyahu", "Netanyahu"), person("Emmanuel Macron", "Macron")),
                        List.of(new Tag("politics/diplomacy", "Diplomacy", 0.92), new Tag("politics", "Politics", 0.9))),
                article("Central bank holds rates as inflation cools", "The central bank kept its key rate unchanged. " + m,
                        "en", List.of(person("Christine Lagarde", "Lagarde")),
                        List.of(new Tag("economy", "Economy, business and finance", 0.88))));
        seeds.forEach(a -> publish(a));

        WebDriverWait wait = openLive("");
        wait.until(d -> cardTitles(d).containsAll(seeds.stream().map(EnrichedArticle::title).toList()));

        EnrichedArticle fresh = article("Storm " + m + " closes northern ports", "A storm closed three ports overnight. Ferries resume Tuesday. " + m,
                "en", List.of(person("Port Authority " + m)), List.of(new Tag("weather", "Weather", 0.8)));
        publish(fresh);
        wait.until(d -> cardTitles(d).contains(fresh.title()));
        assertThat(Integer.parseInt(driver.findElement(By.id("count-articles")).getText())).isGreaterThanOrEqualTo(3);
        screenshot("live-page");

        WebElement entity = driver.findElement(By.id("f-entity"));
        entity.clear();
        entity.sendKeys("netanyahu");
        driver.findElement(By.id("apply")).click();
        wait.until(d -> d.getCurrentUrl().contains("entity=netanyahu"));
        wait.until(d -> d.findElement(By.id("stream-url")).getText().contains("entity=netanyahu"));
        wait.until(d -> cardTitles(d).contains(seeds.get(0).title()));
        assertThat(cardTitles(driver)).doesNotContain(seeds.get(1).title(), fresh.title());
        screenshot("live-page-filtered");
    }
}
